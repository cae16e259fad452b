printf 'one foo\ntwo\nthree foo bar foo\nfour\n' > c.txt
printf 'alpha\nbeta\n' > d.txt
grep -l foo c.txt d.txt
grep -L foo c.txt d.txt
echo "status $?"
grep -L zzz c.txt
echo "status $?"
grep -m1 foo c.txt
grep -m 1 -c foo c.txt
grep -m1 -v foo c.txt
grep -b foo c.txt
grep -o -b foo c.txt
grep -o foo c.txt
grep -on 'fo*' c.txt
grep -ov foo c.txt
echo "status $?"
grep -Z -l foo c.txt d.txt | od -c
grep -Z foo c.txt d.txt | od -c
grep -cZ foo c.txt | od -c
grep -T foo c.txt
grep -T -n -H foo c.txt
grep -T -H -b -n foo c.txt
printf 'x\n' | grep --label=LBL -H x
printf 'x\n' | grep --label=LBL -c x - c.txt
grep -y FOO c.txt
grep -i --no-ignore-case FOO c.txt
echo "status $?"
grep -e foo -e two c.txt
grep -nU foo c.txt
grep --line-buffered two c.txt
grep -hc foo c.txt d.txt
grep -lc foo c.txt d.txt
grep -m0 foo c.txt
echo "status $?"
grep -m 0 -c foo c.txt
echo "status $?"
