touch f
ln -s f link
ln -s nowhere dang
setfattr -n user.a -v 1 f
getfattr
echo status $?
getfattr -z f
echo status $?
getfattr -e foo -d f
echo status $?
getfattr -n
echo status $?
getfattr --bogus f
echo status $?
getfattr -d nosuch f
echo status $?
getfattr -n user.a nosuch
echo status $?
getfattr -m '[' -d f
echo status $?
getfattr -d link
getfattr -h -d link
echo status $?
getfattr -d dang
echo status $?
getfattr -h -d dang
echo status $?
getfattr --version
