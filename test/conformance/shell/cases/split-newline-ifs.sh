IFS='
'
x='a b
c d'
for i in $x; do echo "[$i]"; done
