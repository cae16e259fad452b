(while :; do :; done) &
p=$!
kill $p
wait $p; echo $?
