touch f
stat
echo status $?
stat -c
echo status $?
stat --bogus f
echo status $?
stat nosuch
echo status $?
stat -c %n nosuch f
echo status $?
stat -f nosuch
echo status $?
stat -f -
echo status $?
stat -L nosuch
ln -s nowhere dangling
stat -L dangling
echo status $?
stat -c %n dangling
