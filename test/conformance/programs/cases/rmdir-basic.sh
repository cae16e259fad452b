rmdir
echo status $?
mkdir -p a/b/c d e/f
: > f
: > e/f/g
rmdir nosuch
echo status $?
rmdir f
echo status $?
rmdir a
echo status $?
rmdir --ignore-fail-on-non-empty a
echo status $?
rmdir -v d
rmdir -pv a/b/c/
echo status $?
mkdir -p a/b/c
: > a/x
rmdir -pv a/b/c
echo status $?
rmdir -p --ignore-fail-on-non-empty -v e/f
echo status $?
rmdir -p e/f/g
echo status $?
mkdir -p x/y
rmdir -p x//y//
echo status $?
rmdir .
rmdir ..
mkdir q
rmdir -pv ./q
rmdir /
rmdir d/.
rmdir -p f/
ln -s a sl
rmdir sl/
echo status $?
