f() if [ "$1" = a ]; then echo A; else echo notA; fi
f a; f b
