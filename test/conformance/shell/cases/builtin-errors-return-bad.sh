f() { return abc; }
f
echo never
