echo 1 >&9; echo $?
echo 2 2>&3; echo $?
echo 3 3>&4; echo $?
echo 4 >&3 2>&1; echo $?
