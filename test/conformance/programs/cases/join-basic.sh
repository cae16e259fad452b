printf 'a 1\nb 2\nc 3\ne 5\n' > f1
printf 'a x\nc y\nd z\ne w\n' > f2
join f1 f2
join -a1 f1 f2
join -a2 f1 f2
join -a1 -a2 f1 f2
join -v1 f1 f2
join -v2 f1 f2
join -v1 -v2 f1 f2
join -o 1.2,2.2 f1 f2
join -o 0,2.2,1.2 -a1 -a2 -e NONE f1 f2
join -o auto -a1 -a2 -e - f1 f2
join -e X -a1 f1 f2
printf 'k:1:one\nm:2:two\n' > c1
printf 'k:A\nm:B\n' > c2
join -t : c1 c2
join -t : -o 1.3,2.2 c1 c2
printf '1 k\n2 m\n' > n1
join -1 2 -2 1 n1 f2
join -1 2 -2 1 n1 c2
printf 'x a\ny b\n' > j2
printf 'p a\nq b\n' > j3
join -j 2 j2 j3
join -j2 j2 j3
join -o 1.1 2.1 -j 2 j2 j3
printf 'A 1\nb 2\n' > i1
printf 'a x\nB y\n' > i2
join -i i1 i2
join --ignore-case i1 i2
printf 'K V\na 1\nb 2\n' > h1
printf 'K W\na x\nb y\n' > h2
join --header h1 h2
join --header -o auto h1 h2
printf 'a 1\na 2\nb 3\n' > m1
printf 'a x\na y\nb z\n' > m2
join m1 m2
printf '  a   1\n' > sp1
printf 'a\t\tx\n' > sp2
join sp1 sp2
join -t '' f1 f1
printf 'a\0b\0' > z1
join -z z1 z1 | od -c
printf 'a 1\n' | join - f2
join f1 - < f2
