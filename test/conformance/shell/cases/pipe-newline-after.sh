echo a |
while read x; do echo "[$x]"; done
echo b ||
echo no
false &&
echo no2
echo end
