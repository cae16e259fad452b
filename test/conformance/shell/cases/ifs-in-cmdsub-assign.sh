IFS=,
x=$(echo a,b); echo "$x"
set -- $x; echo $#
