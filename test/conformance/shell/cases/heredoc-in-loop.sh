for i in 1 2; do
  read x <<E
line $i
E
  echo "$x"
done
