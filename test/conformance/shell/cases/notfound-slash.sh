./nosuch; echo $?
/nonexist/cmd; echo $?
