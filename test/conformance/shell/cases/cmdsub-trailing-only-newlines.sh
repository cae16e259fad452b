x=$(printf 'a\nb\n'); echo "[$x]"
x=$(printf '\n'); echo "[$x]" ${#x}
