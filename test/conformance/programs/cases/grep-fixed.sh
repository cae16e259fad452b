printf 'a.b\naxb\n[x]\nA.B\n\\n\nfoo\n' > f
grep -F 'a.b' f
grep -F -i 'a.b' f
grep -F '[x]' f
grep -F -x 'foo' f
grep -F -w 'b' f
grep -F -e foo -e axb f
grep -F "$(printf 'foo\naxb')" f
grep "$(printf 'foo\naxb')" f
grep -F '\n' f
grep -c -F '' f
printf 'foo\n\n' > pats
grep -c -f pats f
printf 'foo\naxb\n' > pats
grep -f pats f
grep -f pats -e '\[' f
grep -c -f /dev/null f
echo "status $?"
grep -v -c -f /dev/null f
printf 'axb\n' | grep -f - f
grep -F -o 'a' f
fgrep 'a.b' f
fgrep -c x f
grep -F -x -e foo -e a.b f
