set -- -a -b arg -c rest
while getopts ab:c opt; do echo "$opt ${OPTARG-u} $OPTIND"; done
shift $((OPTIND-1)); echo "left: $*" 
