mkdir -p a/b/c/d
: > a/b/c/d/f
rm -rv a
mkdir -p x/y
ln -s ../y x/y/up
rm -rv x/y/up x
mkdir -p keep/inner
: > keep/inner/file
ln -s keep/inner link
rm -rv link
test -f keep/inner/file && echo target kept
rm -r nosuch keep
echo status $?
rm -rfv nosuch/x
mkdir r
rm -rfv r/
rm -dv .
echo status $?
