set -- a b
set --
echo $#
set -- -x
echo "$1" 
