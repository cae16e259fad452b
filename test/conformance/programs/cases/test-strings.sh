t() { "$@"; echo "-> $?"; }
T=/bin/test
t $T
t $T ''
t $T x
t $T -n
t $T -z
t $T !
t $T ! x
t $T ! ''
t $T -n x
t $T -n ''
t $T -z ''
t $T -z x
t $T a = a
t $T a = b
t $T a == a
t $T a != b
t $T a != a
t $T = =
t $T ! = =
t $T '(' x ')'
t $T '(' '' ')'
t $T ! -z x
t $T ! ! x
t $T a = a -a b = c
t $T a = a -o b = c
t $T '' -o x
t $T x -a ''
t $T ! '' -a x
t $T '(' a = b ')' -o x
t $T '(' '(' x ')' ')'
t $T -t
t $T -t 99
t $T --help
t $T --version
t $T -a
t $T -o
t $T x -a x -o ''
t $T '(' ! ')'
