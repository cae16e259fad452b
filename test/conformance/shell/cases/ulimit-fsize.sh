ulimit -f 2
head -c 3000 /dev/zero > a; echo "head $?"; wc -c < a
dd if=/dev/zero of=b bs=100 count=20 2>/dev/null; echo "dd $?"; wc -c < b
truncate -s 5000 c; echo "truncate $?"; wc -c < c
(trap '' XFSZ; dd if=/dev/zero of=d bs=700 count=3 status=noxfer 2>&1; echo "ignored $?"); wc -c < d
(trap '' XFSZ; truncate -s 1025 e; echo "truncate ignored $?")
: > f; (trap '' XFSZ; exec 3>>f; head -c 1024 /dev/zero >&3; head -c 10 /dev/zero >&3; echo "append $?"); wc -c < f
truncate -s 1024 g; echo "at the limit $?"
(trap '' XFSZ; printf '' >> g; echo "empty write $?")
ulimit -f
