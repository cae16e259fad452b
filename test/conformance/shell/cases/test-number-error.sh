[ 1 -eq a ]; echo $?
[ 1x -gt 0 ]; echo $?
[ '' -eq 0 ]; echo $?
echo after
