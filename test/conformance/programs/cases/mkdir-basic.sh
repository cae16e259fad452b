mkdir
echo status $?
mkdir d
mkdir d
echo status $?
mkdir a/b
echo status $?
mkdir -v x y
mkdir -pv p/q/r
mkdir -p p/q
echo status $?
: > f
mkdir -p f/g
echo status $?
mkdir -p f
echo status $?
mkdir -v f/g
mkdir -p ""
echo status $?
mkdir d/
echo status $?
mkdir -p d/./e/../g/
echo status $?
mkdir -pv ./k/ a//b///c/
mkdir -p /
echo status $?
mkdir --bogus
echo status $?
mkdir -v "a'b" 'c d'
mkdir "a'b"
mkdir -m "m'" z
echo status $?
