# > /dev/stderr opens whatever fd 2 is (a pipe, a file), not a path named by the link's text.
cat > body <<'END'
mount -t proc proc /proc
sh -c 'echo err > /dev/stderr' 2>&1 | cat
echo e 2>/dev/null >/dev/stderr; echo st=$?
sh -c 'echo out > /dev/stdout' | cat
{ echo one > /dev/stderr; } 2>file; cat file
# A second open of the same file: its own offset, and O_TRUNC empties the file.
{ echo two >&2; echo three > /dev/stderr; } 2>file2; cat file2
{ echo four >&2; echo five >> /dev/stderr; } 2>file3; cat file3
echo six > /dev/fd/1 | cat
exec 3>&-
echo x > /dev/fd/3; echo st=$?
echo y > /proc/self/fd/3; echo st=$?
END
mkdir -p /proc
unshare -m sh body 2>&1
echo unshare status $?
