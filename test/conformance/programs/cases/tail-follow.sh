printf '1\n2\n' > f
tail -f -s 0.1 f > out 2> err &
pid=$!
sleep 0.5
echo 3 >> f
printf 'no newline' >> f
sleep 0.5
kill $pid
wait $pid
echo status $?
cat out
echo
cat err
printf 'a\n' > a
printf 'b\n' > b
tail -f -s 0.1 -n 1 a b > out &
pid=$!
sleep 0.5
echo a2 >> a
sleep 0.5
echo b2 >> b
sleep 0.5
echo a3 >> a
sleep 0.5
kill $pid
wait $pid
cat out
printf 'x\ny\n' > t
tail -f -s 0.1 t > out 2> err &
pid=$!
sleep 0.5
: > t
sleep 0.5
echo z >> t
sleep 0.5
kill $pid
cat out err
