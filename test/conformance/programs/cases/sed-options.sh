printf 'one\ntwo\nthree\n' > f
sed -E 's/(o|e)+/<&>/g' f
sed -r 's/t(w|h)/T\1/' f
sed --regexp-extended 's/^(.)/[\1]/' f
printf 'p\n' > script
sed -n -f script f
printf '#n\np\n' > script2
sed -f script2 f
sed '#n
p' f
sed '#n p' f
sed -e '#n' -e p f
sed ' #n
p' f
printf 'a\000b\000' | sed -z 's/^/>/' | od -c
printf 'a\nb\000c\n' | sed -z 's/\n/|/g' | od -c
printf 'a\000b\000' | sed -z -n '$p' | od -c
printf 'a\000b' | sed -z 'p' | od -c
sed --quiet '2p' f
sed --silent '2p' f
sed -s -n '$p' f f
sed --separate -n '1p' f f
sed -u 's/one/1/' f
sed --unbuffered -n 1p f
sed --line-length=5 -n l f
sed --null-data -n '$=' f
sed --posix 's/one/1/' f
sed -n --expression=1p --expression 2p f
sed --version | head -1
sed -f - f <<'X'
s/two/2/
X
printf 'p\n' | sed -n -f /dev/stdin f
