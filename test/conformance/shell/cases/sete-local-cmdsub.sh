set -e
f() { local x=$(false); echo "local ok $?"; }
f
echo after
