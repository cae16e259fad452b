mode() { chmod -v u+ "$@"; }
mknod
echo status $?
mknod x
echo status $?
mknod x b
echo status $?
mknod x b 1
echo status $?
mknod x p 1 2
echo status $?
mknod x q
echo status $?
mknod x q 1 2
echo status $?
mknod x b z 1
echo status $?
mknod x c 1 z
echo status $?
mknod x p
mode x
test -p x && echo x is a fifo
mknod -m 640 y c 1 3
mode y
test -c y && echo y is a character device
mknod z b 7 0
test -b z && echo z is a block device
mknod u u 1 3
test -c u && echo u is a character device
mknod h c 0x10 010
echo status $?
mknod x p
echo status $?
mknod -m 4755 w p
echo status $?
mknod -m xyz w p
echo status $?
mknod big c 4096 1048576
echo status $?
umask 077
mknod q p
mode q
mknod "q'" p
mknod "q'" p
echo status $?
mknod f "x'"
echo status $?
