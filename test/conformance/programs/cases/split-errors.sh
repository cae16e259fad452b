seq 1 10 > ten
seq 1 30 > thirty
split -a 1 -l 1 thirty; echo "status $?"
ls | tail -2
rm -f x?
split -d -a 1 -l 1 thirty; echo "status $?"
ls x* | wc -l
rm -f x?
seq 1 700 | split -l 1
ls | sed -n '649,652p'
ls | tail -1
rm -f x*
seq 1 120 | split -d -l 1
ls x* | sed -n '89,92p'
rm -f x*
split -l 0 ten; echo "status $?"
split -l abc ten; echo "status $?"
split -b 0 ten; echo "status $?"
split -b 2x ten; echo "status $?"
split -C 0 ten; echo "status $?"
split -n 0 ten; echo "status $?"
split -n x ten; echo "status $?"
split -n 2/1 ten; echo "status $?"
split -n 0/3 ten; echo "status $?"
split -a x ten; echo "status $?"
split -l 2 -b 3 ten; echo "status $?"
split --additional-suffix=a/b ten; echo "status $?"
split ten a b; echo "status $?"
split nosuch; echo "status $?"
split -z ten; echo "status $?"
mkdir d
split -l 5 ten d/; ls d
split -l 5 ten nodir/x; echo "status $?"
ls
seq 1 5 > xab
split -l 2 xab; echo "status $?"
cat xaa
cat xab
