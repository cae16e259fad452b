printf 'one two\nthree\n' > f
printf 'aa\nb' > g
: > empty
wc f
wc < f
cat f | wc
wc -l f
wc -l < f
cat f | wc -l
wc -w f
wc -c f
wc -m f
wc -L f
wc -lw f
wc f g
wc -c f g empty
wc g
wc empty
wc - < f
cat f | wc - g
wc --lines --words --bytes --chars --max-line-length f
printf 'a\tb\n' | wc -L
printf 'ab\rc\n' | wc -L
printf 'abc\fd\n' | wc -L
printf 'a\vb\n' | wc -wL
printf '\001\n' | wc -w
printf '\200 a\200b\n' | wc -w
printf '  lead  trail  \n\n\n' | wc
wc -L f g
