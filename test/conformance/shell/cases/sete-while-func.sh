set -e
f() { false; }
while f; do :; done
echo after-while
until ! f; do :; done
echo never
