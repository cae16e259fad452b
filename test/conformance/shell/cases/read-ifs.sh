echo "a:b::c:" | { IFS=: read x y z; echo "[$x][$y][$z]"; }
echo "a:b::c::" | { IFS=: read x y; echo "[$x][$y]"; }
echo "a:b:c: " | { IFS=": " read x y; echo "[$x][$y]"; }
echo " x " | { IFS= read x; echo "[$x]"; }
