echo before
. ./nosuch.sh
echo never
