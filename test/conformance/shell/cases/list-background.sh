echo bg > f &
wait
read x < f; echo "$x"
{ echo in-group > g; } &
wait $!
echo $?
read y < g; echo "$y" 
