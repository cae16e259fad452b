# tty with standard input not a terminal, and its usage errors (status 2).
tty; echo "status $?"
tty -s; echo "status $?"
tty --silent; echo "status $?"
tty --quiet; echo "status $?"
tty x; echo "status $?"
tty --foo; echo "status $?"
echo hi | tty; echo "status $?"
LANG=C.UTF-8 tty a; echo "status $?"
