t() { "$@"; echo "-> $?"; }
T=/bin/test
B=/bin/[
t $T -x foo bar
t $T foo bar
t $T 1 2 3 4 5
t $T -l
t $T '(' x
t $T '(' x y
t $T '(' x y z w
t $T a '<' b
t $T a '>' b
t $T -e / -a
t $T x -a
t $T -a x
t $T x y z
t $T -q x
t $T ! -q x
t $T ! a b c
t $T a b c d e
t $T '(' a b ')' c
t $T ')'
t $T '(' ')'
t $B
t $B x
t $B x ']'
t $B ']'
t $B ']' ']'
t $B '(' ']'
t $B -n ']'
t $B 1 -eq 2 ']'
t $B --help ']'
t $B --foo
t $B -z x ']'
t $B a = a ']'
t $B ! ']'
t $T -o x
t $T ! -o x
t $T -o x -o y
