mode() { chmod -v u+ "$@"; }
mkdir -m xyz m
echo status $?
for m in 777 u+x g+w +w =x a=rwx,g-w 1777 2755 u+s g+s; do mkdir -m $m m$m; mode m$m; done
mkdir -pm 700 z/y/x
mode z z/y z/y/x
umask 077
mkdir -p u1/u2
mode u1 u1/u2
umask 0
mkdir -p u3/u4
mode u3 u3/u4
umask 022
mkdir d
chmod g+s d
mkdir -v d/s
mkdir -m 755 d/s2
mkdir -m u=rwx,go=rx d/s3
mkdir -m 0755 d/s4
mode d/s d/s2 d/s3 d/s4
