printf 'a\na\n' > u
uniq nosuch
echo status $?
uniq -f x u
echo status $?
uniq -s -1 u
echo status $?
uniq -w x u
echo status $?
uniq u o1 o2
echo status $?
uniq -cD u
echo status $?
uniq --group -c u
echo status $?
uniq --all-repeated=foo u
echo status $?
uniq --group=foo u
echo status $?
uniq u /nonexistent/x
echo status $?
uniq -x
echo status $?
uniq .
echo status $?
