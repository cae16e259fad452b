f() { echo inside; } > out.txt
f; f
read x < out.txt; echo "[$x]" 
