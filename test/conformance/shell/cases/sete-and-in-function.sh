set -e
f() { false && true; echo "in f $?"; }
f
echo after
