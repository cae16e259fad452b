# df's figures for a small tmpfs with known files, and the limits /proc/mounts shows.
cat > body <<'END'
mount -t proc proc /proc
mkdir m
mount -t tmpfs -o size=2m,nr_inodes=100,mode=755 tmpfs m
grep sh-case/m /proc/mounts
head -c 300000 /dev/zero > m/a
echo hi > m/b
mkdir m/d
df m
df -i m
df -h m
df --output=fstype,size,used,avail,pcent,itotal,iused,iavail,ipcent m
df -B 4096 m
umount m
mount -t tmpfs -o size=100k,nr_blocks=10 tmpfs m
grep sh-case/m /proc/mounts
df m
umount m
mount -t tmpfs -o size=0,nr_inodes=0 tmpfs m
grep sh-case/m /proc/mounts
stat -f -c '%b %f %c %d' m
df -a m
umount m
mount -t tmpfs -o size=1.5m tmpfs m
echo status $?
END
mkdir -p /proc
unshare -m sh body
echo unshare status $?
