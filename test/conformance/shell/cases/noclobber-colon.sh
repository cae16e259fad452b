set -C
: > new; echo $?
: > new; echo $?
: >> new; echo $?
echo after
