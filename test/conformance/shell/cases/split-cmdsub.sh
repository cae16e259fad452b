set -- $(printf 'a b\nc\n\n'); echo $#
set -- "$(printf 'a b\nc\n\n')"; echo $#
x=$(printf '  lead'); echo "[$x]" 
