set -e
set +e
false
echo after
echo $-
