printf 'a b\n"c d" e\\ f\n' | xargs -n1
printf 'one two\nthree\n' | xargs
printf 'one two\nthree\n' | xargs echo got:
printf 'a b c d e\n' | xargs -n2
printf 'a b c d e\n' | xargs -n2 -t echo 2>&1
printf 'a\n\nb  c\n' | xargs -L1
printf 'a \nb\nc\n' | xargs -L1
printf 'a\nb\nc\n' | xargs -L 2 echo
printf 'x y\nz\n' | xargs -I{} echo "[{}]"
printf '  lead\n' | xargs -I % echo "<%>" "%%"
printf 'x\n' | xargs -I{} echo {} {}
printf 'a b\n' | xargs -i echo '<{}>'
printf 'a\0b c\0' | xargs -0 -n1
printf 'a:b:c' | xargs -d: -n1
printf 'a\tb\n' | xargs -d '\t' -n1 echo
printf 'a\nb\n' | xargs -d '\n' echo
printf 'a  b' | xargs -d ' ' -n1 echo | od -c
: | xargs echo empty input runs once
: | xargs -r echo never
printf '1 2 3 4' | xargs -n 3 -r echo
printf '' | xargs -I{} echo none
printf 'one two\nthree\n' | xargs -E two echo
printf "a 'b c' \"d 'e\"\n" | xargs -n1
printf 'aaaa bbbb cccc\n' | xargs -s 16 echo
printf 'q r\n' > argfile
xargs -a argfile echo from file
printf 'a\0b' | xargs -0 -t echo 2>&1
printf 'one\ntwo\n' | xargs -P 4 -n 1 echo
echo x | xargs -- echo -n
echo
printf 'a b c\n' | xargs -n 2 -L 1 echo 2>&1
mkdir -p t/u
touch t/u/f
find t -name f | xargs echo found
find t -name f -print0 | xargs -0 -I{} echo "<{}>"
