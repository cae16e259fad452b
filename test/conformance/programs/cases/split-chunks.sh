seq 1 10 > ten
split -n 3 ten p
for f in p*; do echo "== $f"; od -c $f; done
rm -f p*
split -n 2/3 ten | od -c
split -n l/2 ten q
for f in q*; do echo "== $f"; cat $f; done
rm -f q*
split -n l/3 ten q
for f in q*; do echo "== $f"; cat $f; done
rm -f q*
split -n l/2/3 ten
split -n r/3 ten r
for f in r*; do echo "== $f"; cat $f; done
rm -f r*
split -n r/2/3 ten
printf 'ab' > two
split -n 4 two t
wc -c t*
rm -f t*
split -e -n 4 two t
ls t*
rm -f t*
split -n 30 ten
ls | wc -l
ls | tail -1
rm -f x*
split -n 30 -a 1 ten; echo "status $?"
seq 1 3 | split -n 2; echo "status $?"
split -d -n 12 ten
ls x*
