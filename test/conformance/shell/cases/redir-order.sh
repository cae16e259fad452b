{ echo out; echo err >&2; } > f 2>&1
while read l; do echo "f:$l"; done < f
{ echo out2; echo err2 >&2; } 2>&1 > f
while read l; do echo "f:$l"; done < f
