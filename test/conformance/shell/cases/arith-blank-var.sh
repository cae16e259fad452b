x=' '
echo $((x+1))
y=
echo $((y))
