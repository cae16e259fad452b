strace -e trace=none true
echo status $?
strace -e trace=none sh -c 'exit 3'
echo status $?
strace -qq -e trace=none true
echo status $?
strace -e trace=none -e signal=KILL sh -c 'kill -KILL $$'
echo status $?
strace -e trace=write echo hi
echo status $?
strace -e write echo hello world
echo status $?
strace -e trace=chdir sh -c 'cd /tmp; cd /nosuch'
echo status $?
strace -o log -e trace=write echo to-file
echo status $?
cat log
strace -e trace=execve -e signal=none ./nosuch
echo status $?
