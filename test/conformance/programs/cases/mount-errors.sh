mkdir d l u w
echo x > f
mount -x
echo status $?
mount --bogus
echo status $?
mount a b c
echo status $?
mount -t tmpfs tmpfs nosuch
echo status $?
mount -t tmpfs tmpfs d/nosuch
echo status $?
mount -t bogusfs x d
echo status $?
mount -t overlay overlay -o lowerdir=nolow,upperdir=u,workdir=w d
echo status $?
mount -t overlay overlay -o lowerdir=l,upperdir=u,workdir=w,bogus=1 d
echo status $?
mount l d
echo status $?
mount nosuch-in-fstab
echo status $?
mount --bind nosuch d
echo status $?
mount --bind l nosuch
echo status $?
mount --make-private l
echo status $?
mount --make-rprivate nosuch
echo status $?
mount --bind --rbind l d
echo status $?
mount --bind
echo status $?
mount -o ro
echo status $?
