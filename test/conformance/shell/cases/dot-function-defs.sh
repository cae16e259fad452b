echo 'lib() { echo "lib $1"; }' > lib.sh
. ./lib.sh
lib x
