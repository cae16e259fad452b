printf 'one two\nthree\n\nfour five six\n' > f
printf 'a\nb\n' > g
busybox wc f
busybox wc -l f g
busybox wc -c < f
busybox wc -w f
busybox head -n 2 f
busybox head -n 1 f g
busybox tail -n 1 f g
busybox tail -c 4 f
busybox cat -n f
busybox cat -A f
busybox echo -n no newline; echo
busybox echo -e 'a\tb'
busybox grep -n t f
busybox grep -c o f g
busybox grep -v -e one f
busybox sed -n 2p f
busybox sed 's/o/0/g' f
busybox sort -r f
printf 'x\nx\ny\n' | busybox uniq -c
busybox cut -d' ' -f2 f
echo hello | busybox tr a-z A-Z
busybox env -i A=1 B=2
busybox date -u -d @1000000000
busybox date -u -d @1000000000 +%Y-%m-%d
busybox basename /a/b/c.txt .txt
busybox dirname /a/b/c.txt
busybox seq 3
busybox expr 2 + 3
busybox sleep 0; echo "sleep $?"
busybox sleep 2>/dev/null; echo "sleep $?"
busybox sleep 2>&1 | grep -c missing
busybox tail /nope; echo "tail $?"
busybox wc -l -w f
echo 1 2 | busybox wc
