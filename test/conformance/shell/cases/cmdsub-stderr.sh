x=$(echo out; echo err >&2)
echo "[$x]"
y=$( { echo o; echo e >&2; } 2>&1 )
echo "[$y]" 
