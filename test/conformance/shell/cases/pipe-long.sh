echo abc | { read a; echo "$a$a"; } | { read b; echo "$b-"; } | while read c; do echo "[$c]"; done
