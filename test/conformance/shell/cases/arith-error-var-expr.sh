x=1+1
echo $((x*3))
