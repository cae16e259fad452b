false
x=1
echo $?
x=$(false)
echo $?
x=$(exit 4) y=2
echo $?
