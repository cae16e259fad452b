hash; echo $?
hash -r
hash nosuch; echo $?
