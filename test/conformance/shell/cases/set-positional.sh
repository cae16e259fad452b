set a b c
echo $# $1 $3
set --
echo $#
set -x -- d
echo $1
set +x
set - e
echo $1 "$-" 
