printf 'one\ntwo\nthree\nfour\nfive\n' > f
printf 'alpha\nbeta\n' > g
sed 's/o/0/' f
sed -n 'p' f
sed p g
sed -n '2p' f
sed '2d' f
sed -n '$p' f
sed -n '$p' f g
sed -s -n '$p' f g
sed -n '1p' f g
sed -s -n '1p' f g
sed = g
sed -n '/t/p' f
sed '/t/!d' f
printf 'from stdin\n' | sed 's/stdin/pipe/'
printf 'from stdin\n' | sed 's/stdin/pipe/' - g
printf 'no newline' | sed 's/no/NO/' | od -c
printf 'no newline' | sed p | od -c
printf 'a\nb' | sed '$a\
added' | od -c
printf 'no newline' > nn
sed p nn g | od -c
sed -n p nn nn | od -c
sed 's/a/b/' nosuch g
echo "status $?"
sed 's/a/b/' nosuch
echo "status $?"
sed -n '/one/,/three/p' f
sed '2q' f
sed -n '2{p;q}' f
sed '$!d' f
sed -e 's/one/1/' -e 's/two/2/' f
sed 's/one/1/;s/two/2/' f
sed --expression='s/one/1/' --quiet --expression=p f
sed '' f | sed -n '$='
