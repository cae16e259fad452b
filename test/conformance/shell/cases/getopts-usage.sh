getopts; echo $?
getopts a; echo $?
