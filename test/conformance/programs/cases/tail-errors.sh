printf '1\n2\n' > f
tail nosuch
echo status $?
tail f nosuch
echo status $?
tail -n x f
echo status $?
tail -n +x f
echo status $?
tail -c 1Q f
echo status $?
tail -n 99999999999999999999999 f
echo status $?
tail -99999999999999999999999 f
echo status $?
tail -1 f f
echo status $?
tail -n 1 -2 f
echo status $?
tail +x f
echo status $?
tail -x
echo status $?
tail --bogus
echo status $?
tail -s x f
echo status $?
tail --pid=x f
echo status $?
tail --follow=foo f
echo status $?
tail --max-unchanged-stats=x f
echo status $?
tail --retry f
echo status $?
tail --pid=1 f
echo status $?
tail . f
echo status $?
tail -f nosuch
echo status $?
tail -F -- -
echo status $?
printf 'in\n' | tail -f
echo status $?
tail -f .
echo status $?
