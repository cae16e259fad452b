n=0
f() { n=$((n+1)); f; }
f
echo never
