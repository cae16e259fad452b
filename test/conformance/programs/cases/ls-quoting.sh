touch plain 'with space' "it's" 'dq"x' 'tab	in' 'nl
in' 'a:b' '$dollar' '#hash' 'x#' '~tilde' 'back\slash' 'star*'
ls
ls -b
ls -Q
ls -N
ls -q
ls --show-control-chars
for s in literal shell shell-always shell-escape shell-escape-always c c-maybe escape locale clocale; do echo "== $s"; ls --quoting-style=$s; done
touch -d @1500000000 *
ls -l --quoting-style=shell-escape
ls -C --quoting-style=shell-escape -w 60
ls -x --quoting-style=c-maybe -w 60
ls -bF
QUOTING_STYLE=c ls plain
QUOTING_STYLE=shell-always ls -N plain
mkdir 'a dir' 'b:dir'
ls --quoting-style=shell-escape 'a dir' 'b:dir'
ls -R --quoting-style=c 'b:dir'
