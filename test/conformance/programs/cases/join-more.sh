printf 'a 1 x\nb 2\nd 4 y z\n' > f1
printf 'a A\nc C\nd D\n' > f2
join -o auto -a1 -a2 -e ? f1 f2
join -o auto f1 f2
join -o 2.1,1.3 -a2 f1 f2
join -e NIL -o 1.1,1.2,1.3,2.2 f1 f2
printf 'a::1\nb:x:\n' > e1
printf 'a:p\nb:q\n' > e2
join -t: e1 e2
join -t: -e E -o 1.2,1.3,2.2 e1 e2
printf 'K V\nb 1\na 2\n' > h1
printf 'K W\na x\nb y\n' > h2
join --header h1 h2; echo "status $?"
join --header --nocheck-order h1 h2; echo "status $?"
printf 'B 1\na 2\n' > i1
printf 'a x\nb y\n' > i2
join -i i1 i2; echo "status $?"
join -i --check-order i1 i2; echo "status $?"
printf 'b 1\na 2\n' > u1
join -v1 u1 i2; echo "status $?"
printf 'x 1\n' > o1
printf 'y 2\n' > o2
join -a1 -a2 -o 0 o1 o2
join -a2 -o 0,1.2,2.2 -e - o1 o2
join -1 3 f1 f2; echo "status $?"
join -j 2 -o 1.1,2.1 f1 f2; echo "status $?"
join -t '	' f1 f2; echo "status $?"
printf 'a\tb c\n' > t1
printf 'a\td\n' > t2
join -t '	' t1 t2
join -t '\0' t1 t2; echo "status $?"
join -z -t '\0' t1 t2 | od -c
printf 'a 1 \nb  2\t\n   \n' > tb1
printf 'a x\nb y\n' > tb2
join tb1 tb2 | od -c
join -o auto tb1 tb2 | od -c
join -e E -o 1.3,2.2 tb1 tb2
