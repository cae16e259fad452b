printf 'a\tb  c\n\tx\n' > t
expand t
expand -t 3 t
expand -t 3,5 t
expand -3 t
printf 'a\tb\tc\td\te\n' > m
expand -t 2,+3 m
expand -t 2,/3 m
expand -t '2 4,6' m
expand --tabs=4 m
printf '  \ta\tb\n\t\tc\td\n' > i
expand -i i
expand --initial -t 4 i
printf 'ab\b\tc\n' | expand | od -c
printf 'x\ty' | expand
printf 'a\tb\n' | expand - t
printf '\303\251\tx\n' | expand | od -c
expand nosuch t; echo "status $?"
