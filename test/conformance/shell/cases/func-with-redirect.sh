f() { echo body; } > f.out
f
read x < f.out; echo "[$x]" 
