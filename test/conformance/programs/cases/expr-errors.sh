t() { expr "$@"; echo "-> $?"; }
t
t 7 / 0
t 7 % 0
t a + 1
t 1 - b
t a '*' 2
t 1 +
t 1 2
t '(' 1
t '(' 1 2
t ')'
t '(' ')'
t 1 + '('
t length
t match
t match a
t substr a 1
t abc : 'a\{2'
t abc : '\(a'
t abc : 'a\)'
t abc : '[a'
t --version 1
t 18446744073709551616 / 0
