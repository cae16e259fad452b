alias greet='echo hello'
f() { greet world; }
f
unalias greet
f
