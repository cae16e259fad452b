echo to-err >&2
echo to-err2 1>&2
{ echo a; echo b >&2; } 2>&1
{ echo c >&2; } 2>f; read x < f; echo "[$x]" 
