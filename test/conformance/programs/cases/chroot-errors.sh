PATH=/usr/sbin:/usr/bin:/sbin:/bin
mkdir d
echo x > f
chroot
echo status $?
chroot -x
echo status $?
chroot nosuch
echo status $?
chroot f
echo status $?
chroot d
echo status $?
chroot d true
echo status $?
chroot / nosuchcmd
echo status $?
chroot --userspec=bogus / true
echo status $?
chroot --userspec=root:bogus / true
echo status $?
chroot --groups=bogus / true
echo status $?
chroot --skip-chdir d true
echo status $?
chroot / sh -c 'echo in; exit 5'
echo status $?
chroot --skip-chdir / sh -c 'pwd'
echo status $?
chroot --userspec=0:0 / sh -c 'echo as root'
echo status $?
