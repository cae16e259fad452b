printf 'a\nb\n' > m1
printf 'c\n' > m2
: > e
more m1 | cat
more m1 m2 | cat
more nosuch; echo status $?
more nosuch m1 | cat
more . | cat; echo status $?
cat m1 | more | cat
printf 'a\nb' | more | od -c
more e | od -c
more -x m1; echo status $?
more -s m1 | cat
