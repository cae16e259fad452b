IFS=o
x=foo
echo $x boo "$x"
set -- $x; echo $#
