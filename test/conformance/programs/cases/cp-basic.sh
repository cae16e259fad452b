echo a > a; echo b > b
mkdir d e
cp
echo status $?
cp a
echo status $?
cp a a
echo status $?
cp nosuch x
echo status $?
cp a b c
echo status $?
: > c
cp a b c
echo status $?
cp -t nodir a
echo status $?
cp -t a b
echo status $?
cp -v a b
cat b
cp -v a d
cp -v a d/
cp -v a e/
cp d e
echo status $?
cp d/ x9
echo status $?
cp a nodir/
echo status $?
cp a nodir/x
echo status $?
cp a a/
echo status $?
cp -T a d
echo status $?
cp -T a b c
echo status $?
cp a a d
echo status $?
cp -v a ./a e
echo status $?
cp --bogus a b
echo status $?
