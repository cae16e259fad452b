printf 'a\\:b:c\n' | { IFS=: read x y; echo "[$x][$y]"; }
printf 'a\\:b:c\n' | { IFS=: read -r x y; echo "[$x][$y]"; }
printf '  \\ lead\n' | { read x; echo "[$x]"; }
