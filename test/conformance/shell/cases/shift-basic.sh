set -- a b c
shift; echo $@
shift 2; echo $#
shift 0; echo $#
shift; echo never
