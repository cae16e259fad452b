: > f
echo y | rm -i f
echo status $?
: > g
rm -i g
echo status $?
test -e g && echo g kept
echo y | rm -iv g
mkdir -p a/b
: > a/b/c
echo yyy | rm -ri a
echo status $?
test -d a/b && echo a/b kept
printf 'y\ny\ny\ny\ny\n' | rm -riv a
echo status $?
mkdir -p x/y/z
echo 1 > x/y/z/f
printf 'y\ny\ny\ny\ny\ny\n' | rm -riv x
echo status $?
: > 1; : > 2; : > 3; : > 4
echo n | rm -I 1 2 3 4
echo status $?
echo y | rm -Iv 1 2 3 4
mkdir q
echo n | rm -rI q
test -d q && echo q kept
echo y | rm -i nosuch
echo status $?
mkdir empty
echo y | rm -rvi empty
echo y | rm -dvi q
rm -v --interactive=never -r x
echo status $?
