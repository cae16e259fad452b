unset IFS
x='a b	c'
set -- $x; echo $#
read a b <<EOF
  p   q  r
EOF
echo "[$a][$b]" 
