: > 'a b'; : > c
echo *
for f in *; do echo "[$f]"; done
