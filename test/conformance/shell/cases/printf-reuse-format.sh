printf '%s=%s\n' a 1 b 2 c
printf '%s\n'
printf '[%s %s]' 1 2 3; echo
