printf 'x\n' > f
wc nosuch
echo status $?
wc -c nosuch f
echo status $?
wc -lc nosuch f
echo status $?
wc . f
echo status $?
wc -x
echo status $?
wc --bogus
echo status $?
printf 'f\0f\0' > list
wc --files0-from=list
echo status $?
wc --files0-from=list f
echo status $?
printf 'f\0\0' | wc --files0-from=-
echo status $?
printf 'f\0-\0' | wc --files0-from=-
echo status $?
wc --files0-from=nosuch
echo status $?
