x=1
echo 2 | read x
echo $x
echo 3 | { read x; echo in:$x; }
echo $x
