printf 'hello\nworld\n' > f
tail -c 3 f
tail -c +8 f
tail -c -4 f
tail -c 0 f
tail -c +0 f
tail --bytes=100 f
tail -4c f
tail +9c f
tail -1b f | od -c
printf 'abcdef' | tail -c 2
echo
printf 'abcdef' | tail -c +3
echo
tail -c 2 f f
