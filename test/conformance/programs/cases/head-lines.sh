printf 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n' > f
printf 'x\ny' > g
head f
head -n 3 f
head -n 0 f
echo ---
head -n -9 f
head -n -1 g
echo
head -n -5 g
head --lines=2 f g
head -q -n 1 f g
head -v -n 1 f
head -3 f
head -2q f g
head -n +2 f
head -n -0 g
echo
head -n 20 g
echo
: > empty
head empty
head -n -1 empty
head -n 1 - < f
{ head -n 2; echo rest; cat; } < f
