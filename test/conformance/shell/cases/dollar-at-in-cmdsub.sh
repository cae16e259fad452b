set -- "a b" c
x=$(printf '[%s]' "$@"); echo "$x" 
