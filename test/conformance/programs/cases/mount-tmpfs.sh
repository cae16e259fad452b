# Run in a mount namespace of its own with its own /proc, so the listing comes from
# /proc/self/mountinfo on both machines and every mount goes away with the namespace.
cat > body <<'END'
mount -t proc proc /proc
# Only the mounts made here are listed: the lines for /tmp/sh-case/*.
show() { mount | while read -r src on dir type fs opts; do case $dir in /tmp/sh-case/*) echo "$src $on $dir $type $fs $opts";; esac; done; }
mkdir d e p
mount -t tmpfs tmpfs d
echo status $?
show
mount -v -t tmpfs -o ro tmpfs e
echo status $?
show
echo x > e/f
echo status $?
mkdir d/sub
mount -t tmpfs tmpfs d/sub
mount -t proc proc p
show
mount -t proc | while read -r src on dir rest; do case $dir in /tmp/sh-case/*) echo "$src $dir";; esac; done
umount d
echo status $?
umount -v d/sub
echo status $?
umount d/sub
echo status $?
umount -v d
echo status $?
umount e p
echo status $?
show
mount -t tmpfs tmpfs d
mount -t tmpfs tmpfs d
show
umount d
show
umount d
show
END
mkdir -p /proc
unshare -m sh body
echo unshare status $?
