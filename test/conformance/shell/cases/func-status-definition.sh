false
f() { :; }
echo $?
