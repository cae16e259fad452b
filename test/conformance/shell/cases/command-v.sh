f() { :; }; alias al='echo x'
command -v f; command -v al; command -v if; command -v cd; command -v :
command -v nosuch; echo $?
command -V cd; command -V nosuch; echo $?
command -v f al; echo $?
