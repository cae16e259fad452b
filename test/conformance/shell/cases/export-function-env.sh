export A=1
f() { B=2 sh -c 'echo "$A $B"'; }
f
