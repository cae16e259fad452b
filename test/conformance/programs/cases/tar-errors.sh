tar cf x.tar nosuch
echo status $?
tar tf nosuch.tar
echo status $?
tar
echo status $?
tar cf empty.tar
echo status $?
mkdir d
touch d/f
tar cf d.tar d
tar xf d.tar nosuch
echo status $?
echo junk > junk.tar
tar tf junk.tar
echo status $?
tar cx
echo status $?
tar -y
echo status $?
tar xf
echo status $?
tar xzf junk.tar
echo status $?
tar tzf d.tar
echo status $?
tar xf d.tar -C nosuchdir
echo status $?
tar cf y.tar d nosuch d/f
echo status $?
tar tf y.tar
tar xf d.tar --strip-components=x
echo status $?
: > zero.tar
tar tf zero.tar
echo status $?
