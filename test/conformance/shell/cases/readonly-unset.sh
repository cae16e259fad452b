readonly y=1
unset y
echo never
