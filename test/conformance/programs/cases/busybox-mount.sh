mkdir d
busybox mount -t tmpfs tmpfs /nope; echo "mount $?"
busybox mount -t nofs x d; echo "mount $?"
busybox umount /nope; echo "umount $?"
busybox umount d; echo "umount $?"
busybox mount -t tmpfs -o size=1m tmpfs d; echo "mount $?"
echo hi > d/f; busybox ls d
busybox umount d; echo "umount $?"
busybox ls d
