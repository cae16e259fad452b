x=0
f() { echo "in:$x"; x=5; }
x=2 f
echo "after:$x"
unset x
g() { echo "in:${y-u}"; }
y=3 g; echo "[${y-unset}]" 
