: > 'a*'; : > ab
for f in "a*" a\*; do echo "[$f]"; done
for f in a*; do echo "<$f>"; done
