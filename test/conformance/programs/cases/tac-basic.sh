# tac: records reversed, the separator after (or with -b before) each, strings and regexes.
printf 'a\nb\nc' | tac | od -c
printf 'a\nb\nc\n' | tac
printf 'a\nb\nc\n' | tac -b | od -c
printf 'a:b:c:' | tac -s :; echo
printf 'a:b:c' | tac --separator=: -b; echo
printf 'aXXXbXXc' | tac -s XX; echo
printf 'a12b34c' | tac -r -s '[0-9]+'; echo
printf 'a12b34c5' | tac -r -s '[0-9][0-9]*'; echo
printf 'a12b34c' | tac -r -b -s '[0-9]+'; echo
printf 'a{2}b' | tac -r -s 'a{2}'; echo
printf 'xaby' | tac -r -s 'a\|b'; echo
printf 'a(b' | tac -r -s '('; echo
printf 'x\ny\n' > f
tac f - f < f
echo ab | tac -s ''
printf '' | tac | od -c
printf '\n\n' | tac | od -c
printf 'one\ntwo\n' | tac -r -s '^'; echo
printf 'one\ntwo\n' | tac -r -s 'o$'; echo
printf 'a.b.c' | tac -r -s '.'; echo
printf 'ab\ncd\n' | tac -r -s '[^a]' | od -c
