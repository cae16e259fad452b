busybox echo hello world
busybox true; echo "true $?"
busybox false; echo "false $?"
busybox nope; echo "nope $?"
busybox nope --help; echo "nope $?"
busybox ls --foo 2>&1 | head -n 1
busybox ls --foo 2>/dev/null; echo "ls $?"
busybox ls --help >/dev/null 2>&1; echo "help $?"
busybox ls --help 2>/dev/null | wc -l
busybox cat --version 2>&1 | head -n 1
busybox ls -l --help 2>&1 | head -n 1
busybox echo --help
busybox --list | grep -x -e ls -e cat -e sed -e which
ln -s "$(command -v busybox)" cat
echo hi | ./cat
./cat --nope 2>&1 | head -n 1
