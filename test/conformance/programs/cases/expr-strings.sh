t() { expr "$@"; echo "-> $?"; }
t abc : 'a\(b\)c'
t abc : 'a.'
t abc : 'x'
t abc : 'x\(y\)'
t abc : '^a'
t 'a^b' : 'a^b'
t abc : 'b'
t abc : 'c$'
t abc : '.*'
t 'a
b' : 'a.b'
t abc : 'ab*c\|x'
t aaa : 'a\{2\}'
t aaa : '*a'
t ab : '\(a\)\(b\)'
t a : '\(a\)*'
t '' : ''
t file.tar.gz : '.*\.\(.*\)'
t match abc 'a*'
t length abc
t length ''
t substr abcdef 2 3
t substr abc 0 1
t substr abc 5 1
t substr abc 1 -1
t substr abc 2 99
t substr abcdef 18446744073709551616 1
t substr abc x 1
t index abcdef dc
t index abc ''
t index abc z
