for l in 0 x 3-1 - 1,,2 99999999999999999999 1-2-3 '' ,; do
  echo abc | cut -c "$l"; echo "status $?"
  echo abc | cut -f "$l"; echo "status $?"
done
echo abc | cut -d ab -f1; echo "status $?"
echo abc | cut -c1 -f1; echo "status $?"
echo abc | cut; echo "status $?"
echo abc | cut -d: -c1; echo "status $?"
echo abc | cut -s -c1; echo "status $?"
cut -c1 nosuch; echo "status $?"
cut -c1 .; echo "status $?"
cut -x; echo "status $?"
