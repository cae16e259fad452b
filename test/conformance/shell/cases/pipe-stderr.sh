{ echo out; echo err >&2; } 2>&1 | while read l; do echo "p:$l"; done
