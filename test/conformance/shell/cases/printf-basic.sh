printf '%s|%s\n' a b c
printf 'x\n' extra args
printf '%d %s\n'
printf '%%\n'
printf 'no newline'; echo
printf -- '-%s\n' x
