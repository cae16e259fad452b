mkdir d
cd d
printf 'hello\n' > file
printf '' > empty
head -c 5000 /dev/zero > big
ln -s file link
ln -s nowhere dangling
mkfifo fifo
mknod chr c 0 0
mknod blk b 8 1
mknod tty c 4 64
touch suid sgid sticky bare suidx
chmod 4755 suid
chmod 2644 sgid
chmod 1640 sticky
chmod 4644 suidx
chmod 000 bare
mkdir ../sd ../sdx
chmod 1777 ../sd
chmod 1776 ../sdx
touch -h -d @1500000000 file empty big link dangling fifo chr blk tty suid sgid sticky bare suidx ../sd ../sdx
touch -h -d @1400000000 link
cd ..
ls -l d
ls -ln d/file d/chr
ls -lo d/file
ls -lg d/file
ls -lG d/file
ls -l --author d/file
ls -lgo d/file
ls -ld sd sdx
ls -l d/link d/dangling
ls -lL d/link
ls -lH d/link
ls -lL d/dangling
echo status $?
ls -ls d/big d/file
