type echo nosuch cd; echo $?
