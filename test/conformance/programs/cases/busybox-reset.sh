# busybox's reset: nothing at all when standard input is not a terminal, whatever its arguments.
TERM=xterm busybox reset | od -An -c; echo "status $?"
TERM=xterm busybox reset extra -x </dev/null | od -An -c; echo "status $?"
