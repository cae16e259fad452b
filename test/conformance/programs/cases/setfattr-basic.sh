touch f
setfattr -n user.a -v hello f
setfattr -n user.b -v 0x414243 f
setfattr -n user.c -v 0sQUJD f
setfattr -n user.d -v '"quoted"' f
setfattr -n user.e -v '\101\102' f
setfattr -n user.f -v '0x 41 42' f
setfattr -n user.g f
setfattr --name=user.h --value=x f
setfattr -n 'user.\141' -v oct f
setfattr -n user.raw --raw -v 0x41 f
getfattr -d f
setfattr -n user.a -v changed f
getfattr -n user.a f
setfattr -x user.a f
getfattr -n user.a f
echo status $?
setfattr -x user.a f
echo status $?
setfattr -n user.bad -v 0xZZ f
echo status $?
setfattr -n user.bad -v 0x414 f
echo status $?
setfattr -n user.bad -v 0sQU f
echo status $?
setfattr -n bogus -v 1 f
echo status $?
setfattr -n user.x -v 1 nosuch f
echo status $?
getfattr -d f
setfattr -x user.b -x user.c f
echo status $?
setfattr -n user.x -x user.y f
echo status $?
setfattr -x user.x -v 1 f
echo status $?
setfattr -v 1 f
echo status $?
setfattr -n user.x
echo status $?
setfattr
echo status $?
setfattr --bogus
echo status $?
ln -s f link
setfattr -h -n user.q -v 1 link
echo status $?
setfattr -n user.q -v viafollow link
getfattr -n user.q f
mkfifo fifo
setfattr -n user.q -v 1 fifo
echo status $?
setfattr --version
