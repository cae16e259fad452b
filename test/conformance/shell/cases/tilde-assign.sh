x=~; echo $x
y=~/a:~/b; echo $y
z=a~; echo $z
w="~"; echo $w
