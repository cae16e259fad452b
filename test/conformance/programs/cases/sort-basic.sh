printf 'banana\napple\nCherry\n\napple\n  space\n\tTab\n' > f
sort f
sort -r f
sort -u f
sort -f f
sort -fu f
sort -b f
printf 'b\na' | sort
printf 'x\n' > x
sort f x - < x
: > empty
sort empty
sort -o out f
cat out
sort -o f f
cat f
printf 'c\0a\0b\0' | sort -z | od -c
printf 'b\na\n\303\251\nz\nA\n\177\n' | sort
sort -s -k1,1 <<X
b 2
a 1
b 1
a 2
X
