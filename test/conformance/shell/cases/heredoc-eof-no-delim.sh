while read -r l; do echo "[$l]"; done <<EOF
abc
def
