printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n' > f
printf 'x\ny' > g
tail f
tail -n 3 f
tail -n +10 f
tail -n +0 f | head -n 2
tail -n 0 f
tail -n -2 f
tail -n 1 g
echo
tail -n 5 g
echo
tail -3 f
tail +11 f
tail -2l f
tail -n 2 f g
echo
tail -q -n 1 f g
echo
tail -v -n 1 f
tail -n 2 - < f
printf 'p\nq\nr\n' | tail -n 2
printf 'p\nq\nr\n' | tail -n +2
printf 'p\nq\nr' | tail -n 1
echo
: > empty
tail empty
tail -n +5 empty
printf 'a\0b\0c\0' > z
tail -z -n 2 z | od -c
