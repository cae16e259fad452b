while read -r l; do echo "[$l]"; done <<'E'
a \
b
E
