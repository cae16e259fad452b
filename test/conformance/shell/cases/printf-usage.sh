printf; echo $?
printf -v x y; echo $?
