printf '\0\101\1010\n' | while read -r l; do echo "$l"; done
printf '%s\0%s\n' a b | { read -r x; echo "[$x]"; }
