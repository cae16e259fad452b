touch -d @1500000000 f
ls --bogus
echo status $?
ls -j
echo status $?
ls --sort=foo f
echo status $?
ls --sort=n f
echo status $?
ls --format=x f
echo status $?
ls --color=sometimes f
echo status $?
ls --time=mtime f
echo status $?
ls --indicator-style=x f
echo status $?
ls --quoting-style=fancy f
echo status $?
ls -l --time-style=bogus f
echo status $?
ls -w x f
echo status $?
ls -T x f
echo status $?
ls --block-size=x f
echo status $?
ls --block-size=1X f
echo status $?
ls --block-size=0 f
echo status $?
ls --tabsize
echo status $?
ls nosuch1 nosuch2
echo status $?
ls -l nosuch f
echo status $?
ls f/x
echo status $?
QUOTING_STYLE=bad ls f
echo status $?
COLUMNS=bad ls -C f
TABSIZE=x ls -C f
LS_COLORS='zz=1' ls --color=always f
echo status $?
ls -l --time-style='+a
b
c' f
echo status $?
