printf 'a       b       c\n        x  y\n                z\n' > s
unexpand s | od -c
unexpand -a s | od -c
unexpand --first-only -a s | od -c
printf '   a   b\n' | unexpand -t 3 | od -c
printf 'a  \tb\n' | unexpand -a | od -c
printf '       x\n' | unexpand | od -c
printf '        \n' | unexpand | od -c
printf 'abcdefg x\n' | unexpand -a | od -c
printf 'abcdefg  x\n' | unexpand -a | od -c
printf ' \t x\n' | unexpand | od -c
printf '    a    b\n' | unexpand -t 2,4,8 | od -c
printf '      a      b\n' | unexpand -t 2,/3 | od -c
printf '    x' | unexpand -4 | od -c
printf '      a\n' | unexpand -3 | od -c
printf '  \b  x\n' | unexpand -t 2 | od -c
