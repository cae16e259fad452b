echo hello > f
read x < f; echo "$x"
echo more >> f
while read l; do echo "[$l]"; done < f
echo new > f
while read l; do echo "[$l]"; done < f
