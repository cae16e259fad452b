strace
echo status $?
strace -Q
echo status $?
strace --bogus
echo status $?
strace -o
echo status $?
strace nosuchcmd
echo status $?
strace ./nosuch
echo status $?
strace -e trace=bogus true
echo status $?
strace -e trace= true
echo status $?
strace -e bogus=1 true
echo status $?
strace -e signal=bogus true
echo status $?
strace -e quiet=bogus true
echo status $?
strace -s x true
echo status $?
strace -s -1 true
echo status $?
strace -a x true
echo status $?
strace -p abc
echo status $?
strace -p 0
echo status $?
strace -o /nosuch/x true
echo status $?
