# busybox's clear: home and erase the screen whatever TERM says; its arguments are ignored.
TERM=xterm busybox clear | od -An -c; echo "status $?"
TERM=dumb busybox clear -x extra | od -An -c; echo "status $?"
