# tmpfs's size= is enforced: a write stops at the first page past it (a partial write returns
# what fit), and statfs shows the blocks used. In a mount namespace of its own, so the mount
# goes away with it. dd's timing is cut off.
cat > body <<'END'
t() { "$@" 2>&1 | sed 's/, [0-9.e+-]* s, .*//'; }
fs() { stat -f -c '%b %f %a %S %c %d' m; }
mkdir m
mount -t tmpfs -o size=1m,nr_inodes=50 none m
echo status $?
fs
t dd if=/dev/zero of=m/f bs=1k count=2000
stat -c '%s %b' m/f
fs
rm m/f
fs
t dd if=/dev/zero of=m/f bs=300k count=5
stat -c '%s %b' m/f
rm m/f
# Only head's status: cowbox's head words the failed write as close_stdout does ("write error"),
# GNU's head as "error writing 'standard output'".
head -c 2000000 /dev/zero > m/h 2>/dev/null
echo status $?
stat -c '%s %b' m/h
echo x > m/more
echo status $?
# Bytes into a page the file has still fit; a size without pages costs nothing.
printf abc | dd of=m/h bs=1 seek=10 conv=notrunc 2>/dev/null
echo status $?
truncate -s 1G m/h
echo status $?
stat -c '%s %b' m/h
rm m/h
fs
umount m
echo status $?
END
unshare -m sh body
echo unshare status $?
