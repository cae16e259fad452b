[ 1 = 1; echo $?
test 1 = 1 ]; echo $?
