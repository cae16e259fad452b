[ 1 -eq 1 ] && echo eq
[ 1 -ne 2 ] && echo ne
[ 2 -gt 1 ] && echo gt
[ 2 -ge 2 ] && echo ge
[ 1 -lt 2 ] && echo lt
[ 1 -le 1 ] && echo le
[ -5 -lt 3 ] && echo neg
[ " 7 " -eq 7 ] && echo spaces
[ 010 -eq 10 ] && echo decimal
