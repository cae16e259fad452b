/tmp; echo $?
./; echo $?
