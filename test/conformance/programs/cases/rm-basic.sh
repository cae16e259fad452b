rm
echo status $?
rm -f
echo status $?
: > f
: > g
mkdir d e
: > e/x
rm nosuch
echo status $?
rm -f nosuch
echo status $?
rm d
echo status $?
rm -d e
echo status $?
rm -d d -v
rm -rv e
rm -v f g
rm --bogus
echo status $?
rm -foo
echo status $?
: > ./-foo
rm -foo
echo status $?
rm -v -- -foo
rm --interactive=bad x
echo status $?
rm --interactive=n x
echo status $?
rm --preserve-root=al x
echo status $?
ln -s nowhere dangling
rm -v dangling
mkfifo p
rm -v p
