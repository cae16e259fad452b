# In a mount namespace of its own with its own /proc (mount reads the mount table).
cat > body <<'END'
mount -t proc proc /proc
mkdir b1 b2 t
mount -v --bind b1 b2
echo status $?
mount -v --make-private b2
echo status $?
mount -v --make-rprivate b1
echo status $?
mount -v -t tmpfs tmpfs t
echo status $?
umount -v t
echo status $?
umount b2
echo status $?
END
mkdir -p /proc
unshare -m sh body
echo unshare status $?
