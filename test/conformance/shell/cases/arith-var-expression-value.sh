x='2 + 3'
echo $((x))
