f() { echo "f: $# [$1] [$2]"; }
f a "b c"
f
g() (echo subshell-body; x=inner)
x=outer; g; echo $x
h() echo bare-body 2>/dev/null
h 2>&1
