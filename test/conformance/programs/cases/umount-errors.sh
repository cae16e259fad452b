# Run in a mount namespace of its own with its own /proc (umount reads the mount table).
cat > body <<'END'
mount -t proc proc /proc
mkdir d
umount
echo status $?
umount -x
echo status $?
umount --bogus
echo status $?
umount nosuch
echo status $?
umount d
echo status $?
umount -q d
echo status $?
umount -R d
echo status $?
umount -R nosuch
echo status $?
umount d nosuch
echo status $?
mkdir m m/a
mount -t tmpfs tmpfs m
mkdir m/a
mount -t tmpfs tmpfs m/a
umount m
echo status $?
umount -R m
echo status $?
mount -t tmpfs tmpfs m
mkdir m/a
mount -t tmpfs tmpfs m/a
umount -l m
echo status $?
umount m/a
echo status $?
END
mkdir -p /proc
unshare -m sh body
echo unshare status $?
