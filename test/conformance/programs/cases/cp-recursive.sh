mkdir -p d/s
echo f > d/f
echo g > d/s/g
cp -rv d e
cp -rv d e
cp -r d/ e2/ -v
cp -rT d e -v
cp -r d d/x
echo status $?
cp -r d d
echo status $?
: > file
cp -r d file
echo status $?
cp -r file d/s
echo status $?
mkdir -p t/s
cp -r d/s/g t/s 2>&1
cp -rn d t -v
echo status $?
cp -r --strip-trailing-slashes d/ t/ -v
cp -r --parents d/s t
echo status $?
cp -r nosuch other
echo status $?
