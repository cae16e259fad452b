echo a <> g
echo *
echo data > h
read x 0<>h; echo $x
