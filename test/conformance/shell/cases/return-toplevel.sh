echo a
return 3
echo never
