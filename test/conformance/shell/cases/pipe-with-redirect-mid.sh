echo a | { read x; echo "got $x" >&2; } 2>&1 | while read l; do echo "[$l]"; done
