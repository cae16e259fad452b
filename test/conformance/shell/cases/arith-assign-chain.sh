echo $(( x = y = 3 )) $x $y
echo $(( a = 1 + (b = 2) )) $a $b
