mkdir d d/e
touch f d/g
ln -s f l
ln -s d dl
ln -s nowhere dang
ln -s loop loop
realpath f l dl dang nosuch
echo status $?
realpath nosuch/x
echo status $?
realpath -e dang
echo status $?
realpath -e f dl
realpath -m a/../b nosuch/x/y f/x
realpath -s dl/g l
realpath -s -e dl/x
echo status $?
realpath --relative-to=d f d/g d/e /
realpath --relative-to=d/e f
realpath --relative-to=/tmp f
realpath --relative-to=/ f
realpath --relative-base=/tmp /tmp/sh-case/f /usr
realpath --relative-to=/tmp/sh-case/d --relative-base=/tmp/sh-case f d/g /usr
realpath --relative-to=/usr --relative-base=/tmp/sh-case f
realpath --relative-to=nosuchdir f
echo status $?
realpath -e --relative-to=f d
echo status $?
realpath -e --relative-to=nosuch d
echo status $?
realpath
echo status $?
realpath -q nosuch/x f
echo status $?
realpath -L dl/..
realpath -P dl/..
realpath -L -s dl/..
realpath -z f l
echo
realpath ''
echo status $?
realpath loop
echo status $?
realpath -m loop
echo status $?
realpath --bogus
echo status $?
