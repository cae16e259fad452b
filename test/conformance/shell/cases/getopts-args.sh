while getopts xy: o -x -y val extra; do echo "$o ${OPTARG-}"; done
echo $OPTIND
getopts ab: o -b; echo "$? [$o] [${OPTARG-u}]" 
