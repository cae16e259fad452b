OPTIND=2; echo $OPTIND
OPTIND=abc
echo never
