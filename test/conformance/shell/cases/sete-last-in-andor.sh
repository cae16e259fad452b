set -e
true && false || true
echo ok
false || false
echo never
