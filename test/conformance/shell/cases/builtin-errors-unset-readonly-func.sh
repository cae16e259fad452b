readonly f
f() { echo func; }
unset -f f; echo $?
f
