printf '%s %s %s\n' 1 -2 0x10
printf '%d %d %d %d\n' 0x10 010 -010 +7
printf '%x %o\n' -1 -1
