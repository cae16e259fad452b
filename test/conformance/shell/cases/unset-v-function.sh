f() { echo f; }
unset -v f; f
f=1; unset -f f; echo "[$f]" 
