readonly x=1
for i in 1 2; do
  echo $i
  x=$i
done
echo never
