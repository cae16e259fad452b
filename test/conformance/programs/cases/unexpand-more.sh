printf '        a       b\n' | unexpand --first-only | od -c
printf '  \t  x\n' | unexpand -a | od -c
printf '            x\n' | unexpand -t 4,8 | od -c
printf '            x\n' | unexpand -t 4,/6 | od -c
printf '            x\n' | unexpand -t 4,+6 | od -c
printf 'a   b   c\n' | unexpand -t 4 | od -c
printf 'ab  c\n' | unexpand -t 4 | od -c
printf 'abc d\n' | unexpand -t 4 | od -c
printf '    \n    ' | unexpand -t 2 | od -c
printf '        x\n' > f1
printf '        y' > f2
unexpand f1 f2 | od -c
printf 'a    b       c\n' | unexpand -4 | od -c
printf 'a    b       c\n' | unexpand -t 4 | od -c
printf 'a    b       c\n' | unexpand -4 -a | od -c
printf '    b   c\n' | unexpand -4,6 | od -c
