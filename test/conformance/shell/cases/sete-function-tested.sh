set -e
f() { false; echo "continues in f"; }
if f; then echo f-ok; fi
f && echo and-ok
f || echo never
echo before-untested
f
echo never
