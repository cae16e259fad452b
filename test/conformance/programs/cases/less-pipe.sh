printf 'a\nb\n' > m1
printf 'c\n' > m2
: > e
less m1 | cat
less m1 m2 | cat
less nosuch | cat; echo status $?
less nosuch m1 | cat
less . | cat
cat m1 | less | cat
less e | od -c
less -N m1 | cat
printf 'x' | less | od -c
less --foo m1 | cat; echo status $?
less -N -S m1 | cat
