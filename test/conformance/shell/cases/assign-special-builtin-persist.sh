x=2 :; echo $x
y=3 true; echo "[$y]"
z=4 eval 'echo $z'; echo $z
