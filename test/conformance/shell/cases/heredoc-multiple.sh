while read l; do echo "1:$l"; done <<A; while read l; do echo "2:$l"; done <<B
a
A
b
B
echo end
