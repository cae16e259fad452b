printf 'a\nb\n' > f
head nosuch
echo status $?
head f nosuch f
echo status $?
head -n x f
echo status $?
head -c 1Q f
echo status $?
head -n 99999999999999999999999 f
echo status $?
head -n '' f
echo status $?
head -n -x f
echo status $?
head --bogus
echo status $?
head -y f
echo status $?
head -3x f
echo status $?
head -n
echo status $?

head . f
echo status $?
head -v nosuch f
echo status $?
