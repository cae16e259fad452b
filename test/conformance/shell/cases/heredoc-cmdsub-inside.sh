while read l; do echo "$l"; done <<E
$(echo a; echo b)
E
