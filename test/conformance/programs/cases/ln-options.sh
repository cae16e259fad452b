: > a
mkdir d
echo n | ln -i a b
: > b
echo n | ln -i a b
echo status $?
echo y | ln -iv a b
echo status $?
ln -bv a b
ln -s --backup=numbered -v a b
ln -S .bak -b a b -v
ln -srv a d/rel
ln -sr d/rel rel2
ln -sv d/rel rel3
ln -srv rel3 d/rel4
ln -f a a2
ln -f a a2
echo status $?
ln -sf a2 a
echo status $?
ln -L a loop
echo status $?
ln --backup=bad a b
echo status $?
VERSION_CONTROL=bad ln -b a b
echo status $?
VERSION_CONTROL=numbered ln -fb a2 b -v
SIMPLE_BACKUP_SUFFIX=.x ln -fb a2 b -v
: > f
ln -t f a
echo status $?
ln a f2 nodir/
echo status $?
mkdir d/a2
ln -f a2 d
echo status $?
ln -v a2 d/.
echo status $?
ln -sfv a2 .
echo status $?
