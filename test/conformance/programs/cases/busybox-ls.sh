mkdir d
cd d
printf 'hello\n' > file
head -c 5000 /dev/zero > big
ln -s file link
mkdir sub
mknod chr c 4 64
touch -d @1000000000 file big sub chr
touch -h -d @1000000000 link
touch -d @1000000000 .
busybox ls -l | grep -v total
busybox ls -l file big
busybox ls -ln file
busybox ls -lh big file
busybox ls -1 -p
busybox ls -la sub | grep -v total
busybox ls -l --full-time file
busybox ls /nope file; echo "status $?"
ln -s /bin/busybox ls
./ls -l file link
