(exit 5) &
wait $!; echo $?
false & echo $?
wait
