printf '\t\t\tx\n' | expand -t 4,8 | od -c
printf 'abcdefghij\tx\n' | expand -t 4,6 | od -c
printf 'a\tb\tc\n' | expand -t /4 | od -c
printf 'a\tb\tc\n' | expand -t +4 | od -c
printf 'a\tb\tc\n' | expand -t 3 -t 6 | od -c
printf 'a\tb\n' | expand --tabs=1 | od -c
printf 'a\r\tb\n' | expand | od -c
printf ' \t a\tb\n' | expand -i -t 4 | od -c
printf 'x\ty\n' > f1
printf 'z\tw' > f2
expand f1 f2 f1 | od -c
