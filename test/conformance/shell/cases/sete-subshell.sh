set -e
(false; echo never-inside)
echo never
