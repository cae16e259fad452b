f() { return 3; echo no; }
f; echo $?
g() { false; return; }
g; echo $?
h() { true; }
h; echo $?
r() { return 256; }
r; echo $?
