f() { (exit 4); return; }
f; echo $?
g() { return; }
false; g; echo $?
