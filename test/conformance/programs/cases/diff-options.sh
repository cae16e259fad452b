printf 'Hello World\n  a  b\n\nend\n' > w1
printf 'hello world\na b\nend\n' > w2
diff -i w1 w2
echo "status $?"
diff -w w1 w2
echo "status $?"
diff -b w1 w2
echo "status $?"
diff -B w1 w2
echo "status $?"
diff -iwB w1 w2
echo "status $?"
printf 'a\n\n\nb\n' > b1
printf 'a\nb\n\n' > b2
diff -B b1 b2
echo "status $?"
diff b1 b2
printf 'a b\tc \n' > s1
printf 'a  b c\n' > s2
diff -b s1 s2
echo "status $?"
diff -w s1 s2
echo "status $?"
diff --ignore-all-space s1 s2
diff --ignore-space-change s1 s2
echo "status $?"
diff -s w1 w1
diff --report-identical-files w1 w2 > /dev/null
echo "status $?"
diff -q w1 w2
echo "status $?"
diff --brief w1 w1
echo "status $?"
diff -N w1 nosuch
echo "status $?"
diff -N nosuch w1
printf 'a\000b' > bin
diff bin w1
echo "status $?"
diff -a bin w1 | od -c | head -3
diff -q bin w1
diff bin bin
echo "status $?"
diff --bogus w1 w2
echo "status $?"
diff w1
echo "status $?"
diff w1 w2 w1
echo "status $?"
diff -U x w1 w2
echo "status $?"
diff -i --ignore-case w1 w2 > /dev/null
echo "status $?"
