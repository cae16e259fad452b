f() { trap 'echo exit-trap' EXIT; echo in-f; }
f
echo after-f
