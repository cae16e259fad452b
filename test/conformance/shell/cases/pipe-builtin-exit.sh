exit 3 | true; echo $?
true | exit 4; echo $?
