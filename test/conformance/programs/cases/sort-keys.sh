printf 'b 2 x\na 10 y\nc 1 z\nd 2 a\n' > f
sort -k2 f
sort -k2,2 f
sort -k2,2n f
sort -k2n f
sort -k2,2nr -k1,1 f
sort -k2,2 -r f
sort -k2,2r f
sort -k3 f
sort -k1.2 f
printf 'x:3:b\ny:1:a\nz:2:c\nw:1:d\n' > g
sort -t: -k2,2n g
sort -t : -k3 g
sort -t: -k2n,2 -k1,1r g
printf '  b 1\n a 2\nc 0\n' > h
sort -k1,1 h
sort -b -k1,1 h
sort -k1b,1 h
sort -k2.2,2.3 <<X
x abcd
y aacd
z abad
X
printf 'a\tb c\na b\tc\n' | sort -t '	' -k2
sort -k1.2,1.2 -k1 <<X
ba
ab
cb
aa
X
printf 'a,b,c\n' | sort -t, -k5
printf 'p 3\nq 3\nr 1\n' | sort -k2,2 -u
printf 'p 3\nq 3\nr 1\n' | sort -k2,2 -s -r
printf 'a b\nA c\n' | sort -k1,1f -k2,2r
