basename /a/b/c.txt
basename /a/b/c.txt .txt
basename -s .txt a.txt b.txt /x/c.txt
basename -a /x/y /z/ w
basename /
basename //
basename ''
basename .txt .txt
basename a/b/
basename a//b//
basename -- -x
basename -z a b | od -c
basename --suffix=.c -z x.c | od -c
basename; echo status $?
basename a b c; echo status $?
basename -a; echo status $?
basename -x; echo status $?
