x=2
echo to2 >&$x
exec 5>f
y=5; echo five >&$y
exec 5>&-
read z < f; echo "$z" 
