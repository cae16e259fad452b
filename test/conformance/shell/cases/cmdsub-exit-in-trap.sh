x=$(trap 'echo trapped' EXIT; echo body)
echo "[$x]" 
