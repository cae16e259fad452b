readonly r=1
f() { local r=2; echo in; }
f
echo never
