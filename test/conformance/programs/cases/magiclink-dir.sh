# A descriptor of a directory, and /proc/self/cwd: cd, ls and paths below them reach the
# directory itself.
cat > body <<'END'
mount -t proc proc /proc
mkdir -p d/sub
echo in > d/sub/file
exec 3<d
ls /proc/self/fd/3/
cat /proc/self/fd/3/sub/file
test -d /proc/self/fd/3 && echo dir
cd /proc/self/fd/3 && pwd -P
ls /proc/self/cwd/
cd /proc/self/cwd/sub && pwd -P
cd /tmp/sh-case
echo x > /proc/self/fd/3; echo st=$?
cat /proc/self/fd/3/nosuch; echo st=$?
cat /proc/self/fd/3/sub/file/x; echo st=$?
stat -L -c %F /proc/self/cwd /proc/self/root
ls /proc/self/root/tmp/sh-case
# A removed directory: still there through the link, but nothing can be made in it.
mkdir x
exec 4<x
rmdir x
readlink /proc/self/fd/4
stat -L -c '%h %F' /proc/self/fd/4
touch /proc/self/fd/4/new; echo st=$?
cd /proc/self/fd/4 && readlink /proc/self/cwd
END
mkdir -p /proc
unshare -m sh body 2>&1
echo unshare status $?
