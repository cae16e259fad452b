t() { "$@"; echo "-> $?"; }
T=/bin/test
t $T 1 -eq 1
t $T 1 -eq 2
t $T 2 -gt 1
t $T 1 -ge 1
t $T 1 -lt 1
t $T 1 -le 1
t $T 1 -ne 1
t $T -1 -lt 0
t $T +3 -eq 3
t $T ' 1 ' -eq 1
t $T 007 -eq 7
t $T 99999999999999999999 -eq 1
t $T 99999999999999999999 -gt 99999999999999999998
t $T -l abc -eq 3
t $T 5 -gt -l ab
t $T -l abc -eq -l xyz
t $T 1 -eq x
t $T x -lt 1
t $T 1x -eq 1
t $T '' -eq 0
t $T +-1 -eq 1
t $T - -eq 1
t $T 1 -lt
t $T a -ne b
