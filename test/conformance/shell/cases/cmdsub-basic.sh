echo "[$(echo hi)]" "[`echo bq`]"
x=$(printf 'a\n\n\n'); echo "[$x]"
x=$(printf '\n\na'); echo "[$x]"
echo $(echo a; echo b)
