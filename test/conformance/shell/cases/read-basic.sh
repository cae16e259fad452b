echo "  a  b  c  " | { read x y; echo "[$x][$y]"; }
echo "  a  b  c  " | { read x; echo "[$x]"; }
echo "a b" | { read x y z; echo "[$x][$y][$z]"; }
