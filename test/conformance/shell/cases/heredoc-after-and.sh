true && while read l; do echo "$l"; done <<X
x1
X
echo next
