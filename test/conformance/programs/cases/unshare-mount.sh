# A mount made in a new mount namespace is seen there only.
show() { while read -r src dir rest; do case $dir in /tmp/sh-case/*) echo "$src $dir $rest";; esac; done; }
mkdir d p
mount -t proc proc p
unshare -m sh -c 'mount -t tmpfs tmpfs d; echo inside; show < p/self/mounts'
echo status $?
echo outside
show < p/self/mounts
unshare --mount-proc=p -pf sh -c 'echo $$'
echo status $?
umount p
