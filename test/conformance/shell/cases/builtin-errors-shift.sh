shift -1
echo never
