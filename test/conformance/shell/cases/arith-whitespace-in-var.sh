x='
7
'
echo $((x * 2))
