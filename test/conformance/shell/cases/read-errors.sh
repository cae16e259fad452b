read; echo $?
read -z x; echo $?
read 1x; echo $?
