while read -r l; do echo "[$l]"; done <<E
end$
mid $ x
E
