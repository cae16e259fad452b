set -u
echo ${u-default} ${u:-d2} ${u+p}
x=1; echo $x
echo $u
echo never
