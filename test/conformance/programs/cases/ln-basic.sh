ln
echo status $?
: > a; : > b
mkdir d e
ln a b
echo status $?
ln -s a b
echo status $?
ln nosuch c
echo status $?
ln -s nosuch c
echo status $?
ln -sv a s1
ln -v a h1
ln -v a d
ln -sv a d/sa
ln -sv ../a e
ln a b c
echo status $?
ln d dh
echo status $?
ln -f a a
echo status $?
ln -sf a a
echo status $?
ln -fv a b
ln -sfv a b
ln -s d dl
ln -sv a dl
ln -snfv a dl
ln -T a d
echo status $?
ln -t d a
echo status $?
ln -t nodir a
echo status $?
ln -T a b c
echo status $?
ln -v a
ln -s "" x
echo status $?
ln -r a y
echo status $?
ln -t d -t e a
echo status $?
