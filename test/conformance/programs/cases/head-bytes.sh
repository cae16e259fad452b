printf 'hello\nworld\n' > f
head -c 3 f
echo
head -c -3 f
echo
head --bytes=0 f
head -c 100 f
head -c 1k f | wc -c
head -c 2b f | wc -c
head -4c f
echo
head -c 3 f f
printf 'a\0b\0c\0' > z
head -z -n 2 z | od -c
head -z -n -1 z | od -c
printf 'x\ny\n' | head -c 1 - f
