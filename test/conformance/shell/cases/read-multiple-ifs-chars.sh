echo "a,b;c" | { IFS=',;' read x y z; echo "[$x][$y][$z]"; }
echo ",a" | { IFS=, read x y; echo "[$x][$y]"; }
echo "a," | { IFS=, read x y; echo "[$x][$y]"; }
