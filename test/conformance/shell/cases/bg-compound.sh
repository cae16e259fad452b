for i in a b; do echo $i; done > bgout &
wait
while read l; do echo "$l"; done < bgout
