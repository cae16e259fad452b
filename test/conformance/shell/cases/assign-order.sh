x=1 y=$x; echo $y
a=1; a=2 b=$a; echo $b
