printf '3\n1\n2\n10\n1\n' > n
busybox sort -n n | busybox uniq
busybox sort -u n
busybox sort -n -r n | busybox head -n 2
busybox uniq -d n
busybox seq 1 2 7
busybox seq -s , 3
echo abcdef | busybox cut -c 2-4
echo hello | busybox tee t1 t2 >/dev/null; cat t1 t2
busybox sh -c 'echo "in sh $#" "$0"' zero one
busybox expr length hello
busybox expr 7 / 0; echo "expr $?"
busybox basename 2>/dev/null; echo "basename $?"
echo 'a:b:c' | busybox awk -F: '{print $2}'
printf 'x\ny\n' | busybox sed -n '$p'
printf 'x\ny\n' | busybox grep -c .
echo abc | busybox od -c
busybox md5sum n 2>&1 | head -n 1
busybox readlink -f /tmp/../tmp
busybox realpath nope; echo "realpath $?"
busybox dirname /a/b/
busybox truncate -s 3 n; busybox cat n; echo
busybox mktemp -u /tmp/x.XXXXXX | busybox wc -c
busybox test -f n && echo file
busybox yes ab | busybox head -n 2
