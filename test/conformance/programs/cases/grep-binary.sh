printf 'abc\000def\nabc\n' > bin1
grep abc bin1
echo "status $?"
grep -c abc bin1
grep -n abc bin1 nosuch
echo "status $?"
grep -o b bin1
grep -a abc bin1 | od -c
grep zzz bin1
echo "status $?"
grep -l abc bin1
grep -v zz bin1
grep -I abc bin1
echo "status $?"
grep --binary-files=without-match abc bin1
echo "status $?"
grep --binary-files=text -c abc bin1
grep -q abc bin1
echo "status $?"
grep -H -n def bin1
printf 'caf\351\n' > lat
grep caf lat | od -c
printf 'text line abc\n' > txt
grep abc txt bin1 txt
