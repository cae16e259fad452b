set -- -abc -dval -e val2 x
while getopts abcd:e: o; do echo "$o=${OPTARG-}"; done
echo $OPTIND
