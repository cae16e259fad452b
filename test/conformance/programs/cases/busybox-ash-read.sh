printf 'hello\n' | busybox sh -c 'read -n 2 a; echo "n $? [$a]"; read -n 0 b; echo "n0 $? [$b]"'
printf 'a bcd\n' | busybox sh -c 'read -n 3 a b; echo "$? [$a] [$b]"'
printf 'ab\ncd\n' | busybox sh -c 'read -n 10 a; echo "$? [$a]"; read -n 1; echo "[$REPLY]"'
printf '\\xy\n' | busybox sh -c 'read -n 2 a; echo "[$a]"'
printf '\\xy\n' | busybox sh -c 'read -r -n 2 a; echo "[$a]"'
printf 'a b\nc\n' | busybox sh -c 'read -d "" a; echo "$? [$a]"'
printf 'xyaz\n' | busybox sh -c 'read -d ab a; echo "$? [$a]"; read rest; echo "[$rest]"'
printf 'abc' | busybox sh -c 'read -d x a; echo "$? [$a]"'
printf 'x\\\ny z\n' | busybox sh -c 'read -d z a; echo "[$a]"'
printf 'secret\n' | busybox sh -c 'read -s -p "pw: " x; echo "[$x]"'
echo data > f
busybox sh -c 'read -u 3 x 3< f; echo "[$x]"; read -u 5 y; echo "bad fd $?"'
printf 'a b\nc d\n' > g
busybox sh -c 'while read -n 3 x; do echo "[$x]"; done < g'
busybox sh -c 'read -t 0 x </dev/null; echo "t0 null $?"; read -t 0 x < f; echo "t0 file $? [$x]"; read -t 1 x < /dev/null; echo "t1 eof $?"'
busybox sh -c '{ read -t 2 a; read b; } < g; echo "$a|$b"'
sleep 1 | busybox sh -c 'x=old; read -t 0.2 x; echo "timeout $? [$x]"'
busybox sh -c 'read -t -1 x; echo "t $?"; read -t 1.5.5 x; echo "t $?"; read -n -1 x; echo "n $?"; read -n 99999999999 x; echo "n $?"; read -u x y; echo "u $?"' < /dev/null
busybox sh -c 'read -z; echo "z $?"'
