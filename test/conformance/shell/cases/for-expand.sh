: > f1; : > f2
for f in f* nomatch*; do echo $f; done
x="a b"
for w in $x "$x"; do echo "[$w]"; done
for i in $(echo 1 2); do echo n$i; done
