df --output=foo
echo status $?
df --output=source,source .
echo status $?
df -i --output .
echo status $?
df -T --output .
echo status $?
df -P --output .
echo status $?
df -t tmpfs -x tmpfs
echo status $?
df -B x
echo status $?
df --block-size=1X
echo status $?
df --bogus
echo status $?
