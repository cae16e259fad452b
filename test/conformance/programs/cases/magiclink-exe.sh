# /proc/PID/exe is the file exec'd: it still opens once the file is removed, and reads
# " (deleted)" then.
cat > body <<'END'
mount -t proc proc /proc
cp /bin/sleep mysleep
./mysleep 100 &
until readlink /proc/$!/exe | grep -q mysleep; do :; done
readlink /proc/$!/exe
rm mysleep
readlink /proc/$!/exe
stat -L -c '%h %F' /proc/$!/exe
cmp /proc/$!/exe /bin/sleep && echo same bytes
test -x /proc/$!/exe && echo executable
kill $!
wait $! 2>/dev/null
END
mkdir -p /proc
unshare -m sh body 2>&1
echo unshare status $?
