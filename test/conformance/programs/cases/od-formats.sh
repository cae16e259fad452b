printf 'hello\tworld\n\001\377abcdefghijklmnopqrstuvwxyz' > f
od f
od -c f
od -x f
od -b f
od -d f
od -A x -t x1 f
od -A d -t x1z f 2>&1 | head -2
od -A n -t c -t x1 f
od -t d2 -t u4 f
od -t a f
od -j 3 -N 5 -c f
printf '%032d' 0 | od -c
printf '%032d' 0 | od -v -c
od -A q f
echo status $?
od -t y f
echo status $?
od nosuch
echo status $?
od --bogus
echo status $?
