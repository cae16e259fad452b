set -e
false && echo no
echo after-and
false || true
echo after-or
true && false
echo never
