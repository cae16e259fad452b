echo a
set -n
echo never
nosuch
