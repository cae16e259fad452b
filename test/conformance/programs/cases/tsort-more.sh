printf 'a b\na b\nb c\n' | tsort
printf 'z y\ny x\nm n\nn o\n' | tsort
printf '3 1\n3 2\n1 4\n2 4\n' | tsort
printf 'a b b c c d d a e f f e\n' | tsort; echo "status $?"
printf 'x x\n' | tsort
printf 'a\tb\n\n\nc d' > t
tsort t
tsort - < t
