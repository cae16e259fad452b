mode() { chmod -v u+ "$@"; }
mkfifo
echo status $?
mkfifo p
mkfifo p
echo status $?
test -p p && echo p is a fifo
mode p
mkfifo -m xyz q
echo status $?
mkfifo -m u+s q
echo status $?
mkfifo -m 600 q
mode q
umask 077
mkfifo r
mode r
umask 022
mkfifo -m a=rw s t
mode s t
mkfifo nodir/x p2
echo status $?
test -p p2 && echo p2 made
