set -- "a b" c
x="$@"; echo "[$x]"
IFS=:
x=$@; echo "[$x]"
x=$*; echo "[$x]"
x="$*"; echo "[$x]"
