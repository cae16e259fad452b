hash
PATH=/bin
hash nosuch2; echo $?
