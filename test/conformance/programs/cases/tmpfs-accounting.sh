# What a tmpfs counts as used: pages written (holes take none, truncate gives pages back),
# a page for a symlink target of 128 bytes or more, nothing for directories and empty files,
# a hard-linked file's pages once but each extra name as an inode; nr_inodes= fails creates
# with ENOSPC. In a mount namespace of its own.
cat > body <<'END'
fs() { stat -f -c '%b %f %a %c %d' m; }
mkdir m
mount -t tmpfs -o size=2m,nr_inodes=12 none m
fs
mkdir m/d
touch m/empty
ln -s short m/s
ln -s "$(printf '%0127d' 0)" m/s127
ln -s "$(printf '%0128d' 0)" m/s128
stat -c '%n %b' m/d m/empty m/s m/s127 m/s128
fs
head -c 10000 /dev/zero > m/f
stat -c '%n %s %b' m/f
truncate -s 5000 m/f
stat -c '%n %s %b' m/f
truncate -s 1G m/sparse
dd if=/dev/zero of=m/seek bs=4k seek=100 count=1 2>/dev/null
stat -c '%n %s %b' m/sparse m/seek
fs
ln m/f m/f2
stat -c '%n %h %b' m/f
fs
rm m/f
fs
touch m/a m/b m/c
echo status $?
touch m/e
echo status $?
mkdir m/e
echo status $?
ln m/a m/z
echo status $?
fs
rm m/a
touch m/e
echo status $?
du -s m
umount m
END
unshare -m sh body
echo unshare status $?
