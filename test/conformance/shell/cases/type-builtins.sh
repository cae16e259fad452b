f() { :; }; alias al=echo
type f al if cd : exit
type nosuch; echo $?
