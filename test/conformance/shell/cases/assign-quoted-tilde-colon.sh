x=a:~:b; echo $x
y="~":~; echo $y
