echo a > nodir/x; echo $?
cat < nosuch; echo $?
read x < nosuch; echo $?
echo after
