(echo one > a) & (echo two > b) &
wait
read x < a; read y < b; echo $x $y
