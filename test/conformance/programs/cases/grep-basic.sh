printf 'one foo\ntwo\nThree FOO bar foo\nfour\nfive\nsix foo\n' > c.txt
printf 'alpha\nbeta\n' > d.txt
grep foo c.txt
echo "status $?"
grep zzz c.txt
echo "status $?"
grep -i foo c.txt
grep -v foo c.txt
grep -c foo c.txt d.txt
grep -n foo c.txt
grep -vn foo c.txt
grep foo c.txt d.txt
grep -h foo c.txt d.txt
grep -H foo c.txt
grep -w fo c.txt
echo "status $?"
grep -x two c.txt
grep -x tw c.txt
echo "status $?"
printf 'from stdin foo\nnothing\n' | grep foo
printf 'from stdin foo\nnothing\n' | grep -H foo
printf 'from stdin foo\nnothing\n' | grep foo - c.txt
grep foo nosuch c.txt
echo "status $?"
grep -s foo nosuch
echo "status $?"
grep -q foo c.txt
echo "status $?"
grep -q foo nosuch c.txt
echo "status $?"
grep -q zzz c.txt
echo "status $?"
printf 'no newline foo' | grep foo
printf 'a\r\nb\r\n' | grep 'a$' | od -c
printf 'x\n\n\ny\n' | grep -c ''
printf 'x\n\n\ny\n' | grep -n '^$'
