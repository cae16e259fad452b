trap 'echo "in trap $?"' EXIT
false
