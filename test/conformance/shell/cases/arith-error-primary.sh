echo ok
echo $((1+))
echo never
