mkdir d d2
echo x > d2/f
echo y > f
busybox cp d e; echo "cp $?"
busybox cp -r d e; echo "cp -r $?"; ls
busybox mv f f; echo "mv $?"
busybox rmdir d2; echo "rmdir $?"
busybox chmod 7z f; echo "chmod $?"
busybox chown nobody_x f; echo "chown $?"
busybox chgrp nogroup_x f; echo "chgrp $?"
busybox chown root:nogroup_x f; echo "chown $?"
busybox touch -c nothere; echo "touch $?"; ls nothere 2>/dev/null
busybox mkdir -p d/x/y; echo "mkdir $?"
busybox mkdir -m 700 m; busybox stat -c %a m
busybox ln f d2/f; echo "ln $?"
busybox ln -sf f d2/f; busybox readlink d2/f
busybox rm -rf d d2 m; ls
busybox cat d 2>&1; echo "cat $?"
mkdir d
busybox cat d; echo "cat dir $?"
busybox head -c 3 f; echo
busybox wc d; echo "wc $?"
busybox grep -r y .; echo "grep $?"
busybox grep -q y f; echo "grep -q $?"
busybox grep -s y nope; echo "grep -s $?"
