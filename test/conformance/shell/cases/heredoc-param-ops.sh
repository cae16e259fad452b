x=abc
while read -r l; do echo "$l"; done <<E
${x#a} ${x%c} ${#x} ${u:-def} "${x}" '${x}'
E
