printf "b\na\n" > f
cat f nosuch
echo status $?
cat --bogus
echo status $?
