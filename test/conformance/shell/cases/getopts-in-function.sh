f() { while getopts x o; do echo "f:$o $OPTIND"; done; echo "end $OPTIND"; }
f -x -x
set -- -x
getopts x o; echo "top:$o $OPTIND" 
