set -e
(exit 0)
echo ok
(true; false)
echo never
