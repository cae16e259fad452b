printf 'apple\nbanana\ncherry\nfig\n' > a
printf 'banana\ncherry\ndate\n' > b
comm a b
comm -1 a b
comm -2 a b
comm -3 a b
comm -12 a b
comm -123 a b; echo "status $?"
comm --output-delimiter=:: a b
comm --output-delimiter= a b | od -c
comm --total a b
comm --total -12 --output-delimiter=, a b
printf 'x\0y\0' > z1
printf 'y\0z\0' > z2
comm -z z1 z2 | od -c
printf 'b\na' > nonl
comm nonl nonl
printf 'a\nb\n' | comm - b
comm a - < b
: > empty
comm empty a
comm a empty
