# /proc/self/fd/N of an unlinked file opens that file: its name is gone, its inode is not.
cat > body <<'END'
mount -t proc proc /proc
echo hello > f
exec 3<f
rm f
cat /proc/self/fd/3
stat -L -c '%h %s %F' /proc/self/fd/3
stat -c '%F' /proc/self/fd/3
ls -l /proc/self/fd/3 | sed 's/.* -> //'
test -f /proc/self/fd/3 && echo regular
test -e f || echo name gone
echo more >> /proc/self/fd/3
cat /proc/self/fd/3
cat < /proc/self/fd/3 | wc -c
echo new > /proc/self/fd/3
cat /dev/fd/3
ls f 2>&1
ln -L /proc/self/fd/3 g; echo st=$?
echo b > h
exec 4<h
ln -L /proc/self/fd/4 h2; echo st=$?
ln /proc/self/fd/4 h3; echo st=$?
ls
exec 3<&-
cat /proc/self/fd/3; echo st=$?
END
mkdir -p /proc
unshare -m sh body 2>&1
echo unshare status $?
