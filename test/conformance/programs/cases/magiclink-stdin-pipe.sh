# /dev/stdin and /proc/self/fd/0 are magic links: following one reaches the pipe itself.
# Run in a mount namespace of its own with its own /proc (the simulator's test machine has none).
cat > body <<'END'
mount -t proc proc /proc
echo hi | cat /dev/stdin
printf 'a\nb\n' | wc -l /dev/stdin
echo x | { [ -p /dev/stdin ] && echo pipe; }
echo x | { test -p /proc/self/fd/0 && echo pipe via proc; }
echo x | { [ -L /dev/stdin ] && echo still a link; }
echo abc | cat /dev/fd/0
echo x | stat -L -c %F /dev/stdin
echo x | stat -c %F /proc/self/fd/0
echo x | ls -lL /dev/stdin | cut -c1-10
stat -L -c %F /dev/stdin < /dev/null
cat /dev/stdin < /dev/null; echo "null stdin: $?"
echo piped | sh -c 'exec 4</proc/self/fd/0; cat <&4'
( exec 5>/proc/self/fd/1; echo via5 >&5 ) | cat
echo rw | { exec 6<>/dev/stdin; head -c 3 <&6; }
echo two | { cat /dev/stdin /dev/stdin; echo "st $?"; }
printf 'a\nb\nc\n' | { head -n1 /dev/stdin; cat; }
printf 'a\nb\nc\n' | { head -c1 /dev/stdin; echo; cat; }
printf 'abc' | { tail -c2 /dev/stdin; echo; }
printf 'x\ny\n' | { sed -n 1p /dev/stdin; cat; }
cat /proc/self/fd/9; echo "closed: $?"
cat /dev/fd/9 2>&1 | sed 's/^[^:]*: //'
END
mkdir -p /proc
unshare -m sh body
echo unshare status $?
