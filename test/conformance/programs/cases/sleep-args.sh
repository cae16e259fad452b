sleep
echo status $?
sleep x
echo status $?
sleep 1x 2y
echo status $?
sleep -1
echo status $?
sleep -- -1
echo status $?
sleep 0.01s .01 0x0.1p-8 1e-3 0m 0h 0d
echo status $?
sleep ' 0' +0
echo status $?
sleep '0 '
echo status $?
sleep 1ss
echo status $?
sleep nan
echo status $?
sleep ''
echo status $?
sleep 0,5
echo status $?
sleep 0.2 &
wait $!
echo status $?
sleep infinity &
pid=$!
sleep 0.2
kill $pid
wait $pid
echo status $?
sleep 1d &
pid=$!
kill $pid
wait $pid
echo status $?
