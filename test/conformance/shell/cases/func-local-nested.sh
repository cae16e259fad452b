x=0
a() { local x=1; b; echo "a: $x"; }
b() { local x=2; x=3; echo "b: $x"; }
a; echo "top: $x" 
