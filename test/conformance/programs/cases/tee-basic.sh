echo hi | tee t1 t2
cat t1 t2
echo more | tee -a t1 > /dev/null
cat t1
printf 'no newline' | tee t3
echo
cat t3
echo
echo x | tee t1 /nonexistent/x t2
echo status $?
cat t1 t2
echo y | tee .
echo status $?
echo z | tee -
echo w | tee --output-error=foo
echo status $?
echo v | tee -p t4
echo status $?
: | tee t5
cat t5
echo status $?
echo q | tee -i
tee --bogus
echo status $?
yes | head -c 200000 | { tee --output-error=warn t6; echo "tee status $?" >&2; } | head -c 1 > /dev/null
wc -c < t6
yes | head -c 200000 | { tee -p t7; echo "tee status $?" >&2; } | head -c 1 > /dev/null
wc -c < t7
yes | head -c 200000 | { tee --output-error=exit t8; echo "tee status $?" >&2; } | head -c 1 > /dev/null
