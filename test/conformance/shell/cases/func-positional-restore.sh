set -- a b c
f() { echo "in: $*"; shift; echo "shifted: $*"; }
f x y
echo "out: $* $#" 
