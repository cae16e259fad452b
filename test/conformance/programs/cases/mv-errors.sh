echo a > a
mkdir e
mv
echo status $?
mv x
echo status $?
mv a a
echo status $?
mv nosuch x
echo status $?
mv e e/x
echo status $?
mkdir g
: > gf
mv g gf
echo status $?
mkdir -p e/full/z
mv -T g e/full
echo status $?
mv gf e/full
echo status $?
mv -T e/full gf
echo status $?
mv a b c
echo status $?
mv -t
echo status $?
mv -t a e
echo status $?
mv -t nodir a
echo status $?
mv -T a b c
echo status $?
: > p
ln p p2
mv p p2
echo status $?
mv . x
echo status $?
mv -bn a b
echo status $?
mv --bogus a b
echo status $?
