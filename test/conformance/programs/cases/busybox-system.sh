busybox id
busybox id -u
busybox id -un
busybox id -G
busybox id nobody_here; echo "id $?"
busybox whoami
busybox uname
busybox uname -s -m
busybox nproc >/dev/null; echo "nproc $?"
busybox hostname -x 2>&1 | head -n 1
busybox date -u -d @0
busybox date -u -R -d @0
busybox date -u -I -d @0
busybox date -d nonsense; echo "date $?"
busybox kill -l 9
busybox kill 999999; echo "kill $?"
busybox pwd
busybox env -u PATH -u HOME
busybox which sh >/dev/null; echo "which $?"
busybox which nope-cmd; echo "which $?"
busybox false; echo "false $?"
busybox test 1 -eq 1; echo "test $?"
busybox [ a = b ]; echo "[ $?"
