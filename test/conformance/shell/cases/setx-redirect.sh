set -x
echo hi 2>/dev/null
echo bye >/dev/null
