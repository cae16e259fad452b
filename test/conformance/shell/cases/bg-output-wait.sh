for i in 1 2 3; do echo "bg$i" > "o$i" & done
wait
cat_() { while read l; do echo "$l"; done < "$1"; }
cat_ o1; cat_ o2; cat_ o3
