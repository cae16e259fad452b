_x=1 x_1=2 X=3
echo $_x $x_1 $X ${_x}a $_xa. $x_1_
echo $1x ${1}x
