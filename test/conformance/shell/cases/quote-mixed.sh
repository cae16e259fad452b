x=1
printf '%s\n' a'b'"c"d 'x'$x"y" ""'' '' "" a""b
set -- '' "" x
echo $#
