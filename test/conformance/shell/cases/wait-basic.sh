(exit 3) &
p=$!
wait $p; echo $?
wait $p; echo $?
wait; echo $?
wait 12345; echo $?
