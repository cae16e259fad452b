mkdir d
touch f
setfattr -n user.b -v 2 f
setfattr -n user.a -v 0x0001ff f
setfattr -n user.c -v '"q\"x"' f
setfattr -n user.empty f
setfattr -n user.t -v 'a"b\c' f
setfattr -n 'user.n=x' -v 1 f
setfattr -n user.nl -v 0s/woKDSI= f
setfattr -n user.x -v 1 d
getfattr f
getfattr -d f
getfattr -d -e hex f
getfattr -d -e base64 f
getfattr -d -e text f
getfattr -n user.b f
getfattr -n user.a -e text f
getfattr --name=user.c --encoding=hex f d
getfattr -n user.zz f
echo status $?
getfattr -n user.x -n user.b f d
echo status $?
getfattr --only-values -n user.b f
echo '|'
getfattr --only-values -d -m '^user\.[bc]$' f
echo '|'
getfattr --only-values -n user.zz f
echo status $?
getfattr -m '^user\.[ab]' -d f
getfattr -m - f
getfattr -m 'x$' d f
getfattr --match='^user\.n' f
getfattr -d ./f
getfattr -d .//f
getfattr -d /tmp/sh-case/f
getfattr -d --absolute-names /tmp/sh-case/f
getfattr -d /tmp/sh-case/f /tmp/sh-case/d
getfattr -d --absolute-names ./f
