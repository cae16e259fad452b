printf 'a b\nb c\n' | tsort
printf 'c d\na b\nb c\nx y\n' | tsort
printf 'shirt tie\ntie jacket\nbelt jacket\npants shoes\npants belt\nsocks shoes\nundershorts pants\nundershorts shoes\nshirt belt\n' | tsort
printf 'a a\nb b\n' | tsort
printf 'one\ttwo\n\n  three   four\n' | tsort
: | tsort; echo "status $?"
printf 'a b\nb c\nc a\nd e\n' | tsort; echo "status $?"
printf 'x y\ny z\nz x\nx w\n' > lp
tsort lp; echo "status $?"
printf 'a b\nb a\nc d\nd c\n' | tsort; echo "status $?"
printf 'a b c' | tsort; echo "status $?"
tsort a b; echo "status $?"
tsort nosuch; echo "status $?"
tsort -x; echo "status $?"
