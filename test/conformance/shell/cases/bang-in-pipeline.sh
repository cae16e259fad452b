echo a | ! read x; echo $?
