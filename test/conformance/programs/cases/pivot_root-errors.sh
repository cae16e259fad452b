PATH=/usr/sbin:/usr/bin:/sbin:/bin
# Inside a mount namespace of its own, so nothing here can touch the machine's root.
mkdir d e
pivot_root
echo status $?
pivot_root d
echo status $?
pivot_root -x
echo status $?
pivot_root a b c
echo status $?
unshare -m pivot_root nosuch d
echo status $?
unshare -m pivot_root d nosuch
echo status $?
unshare -m pivot_root d e
echo status $?
