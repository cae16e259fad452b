set -x
echo 'a b' "c	d" '' e\ f '$x'
x='*' y=
echo $x $y
