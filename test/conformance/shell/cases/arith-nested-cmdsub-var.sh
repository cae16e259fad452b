n=3
echo $(( $(echo $n) * $n )) $(( n$(echo 2) ))
