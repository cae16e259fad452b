printf '%s\n' $'a\tb' "$"'x' $ a$ "$" '$'
