touch a.c b.c c.h backup~ .hidden .hidden~ '#x#'
ls
ls -I '*.c'
ls --ignore='*.c' --ignore='*.h'
ls -B
ls -aB
ls --hide='*.c'
ls -a --hide='*.c'
ls -A --hide='*.c' -I '*~'
ls -a -I '.*'
ls -I '[ab]*'
ls -I '?.c'
ls -I '*'
ls -a -I '*'
ls -I '[!a]*'
ls -I '\#*'
ls a.c b.c -I '*.c'
