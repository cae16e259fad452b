for i in a b
do
  echo $i
done
for i
in c d; do echo $i; done
