IFS='	'
printf 'a\t\tb\n' | { read x y; echo "[$x][$y]"; }
x='a		b'; set -- $x; echo $#
