exec 3>&1
x=$( { echo out; echo err >&2; } 2>&1 1>&3 )
exec 3>&-
echo "captured [$x]" 
