mkdir d
rm -r .
echo status $?
rm -r ..
echo status $?
rm -r d/..
echo status $?
rm -rf ./
echo status $?
rm -r d/.
echo status $?
rm .
echo status $?
rm -r /
echo status $?
rm -r /.
echo status $?
rm -rf --preserve-root /
echo status $?
test -d d && echo d is still there
