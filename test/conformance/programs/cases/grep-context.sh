i=1; while [ $i -le 20 ]; do echo $i; i=$((i+1)); done > s.txt
grep -n -C1 -e 5 -e 9 s.txt
echo ==
grep -A1 -m2 1 s.txt
echo ==
printf '1\n1\n2\n3\n' | grep -n -m1 -A2 1
echo ==
grep -B2 --group-separator=XX '1[05]' s.txt
grep -A0 '1[05]' s.txt
grep -A0 --no-group-separator '1[05]' s.txt
grep -2 12 s.txt
grep -C 0 -n 1 s.txt
echo ==
grep -o -n -A1 1 s.txt
echo ==
grep -c -A1 3 s.txt
grep -vn -A1 '[2-9]' s.txt
printf 'x\ny\n' > f1
printf 'y\nx\n' > f2
grep -A1 x f1 f2
echo ==
grep -B1 x f1 f2
echo ==
grep -B3 -A3 1 f1 f2 s.txt
grep -C1 -v '[0-9]' s.txt
echo "status $?"
grep -A x 1 s.txt
echo "status $?"
grep -C -1 1 s.txt
echo "status $?"
grep -nB1 -A2 '^1[48]$' s.txt
