printf '[%c]' '' ; echo
printf '[%5c][%-3c]\n' a b
printf '[%c]\n'
