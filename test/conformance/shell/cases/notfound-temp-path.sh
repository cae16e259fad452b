PATH=/nonexist echo builtin-still-works
PATH=/nonexist nosuch; echo $?
