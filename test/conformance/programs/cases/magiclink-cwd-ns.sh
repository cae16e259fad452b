# /proc/PID/cwd and root of a process in another mount namespace show that namespace's files:
# how one peeks into a container's filesystem.
cat > inner <<'END'
mount -t tmpfs t d
echo inside > d/hello
mkdir d/sub
cd d/sub
echo ready > /tmp/sh-case/ready
exec sleep 100
END
cat > body <<'END'
mount -t proc proc /proc
mkdir d
mkfifo ready
unshare -m sh inner &
read x < ready
echo "got $x"
ls /proc/$!/cwd/..
cat /proc/$!/root/tmp/sh-case/d/hello
ls d | wc -l
(cd /proc/$!/cwd && pwd -P && ls ..)
stat -L -c %F /proc/$!/cwd
kill $!
wait $!
echo "killed: $?"
END
mkdir -p /proc
unshare -m sh body 2>&1
echo unshare status $?
