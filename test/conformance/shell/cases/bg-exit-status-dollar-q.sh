false &
echo "after bg: $?"
wait $!; echo $?
