printf 'one foo\ntwo\nthree foo bar foo\nfour\nfive\nsix foo\n' > c.txt
grep --color=always -n foo c.txt /dev/null | od -c
grep --color=always -C1 two c.txt | od -c
grep --color=always -c foo c.txt /dev/null | od -c
grep --color=always -l foo c.txt | od -c
grep --color=always -v foo c.txt | od -c
grep --color=always -v -C1 two c.txt | od -c
grep --color=always -o -b foo c.txt | od -c
grep --color=always -T -n -H foo c.txt | od -c
grep --color=always 'o*' c.txt | od -c
grep --color=auto foo c.txt
grep --color=never foo c.txt
grep --colour foo c.txt
GREP_COLORS='mt=01;32:fn=34:se=33' grep --color=always -H foo c.txt | od -c
GREP_COLORS='ms=4:ne' grep --color=always two c.txt | od -c
grep --color=always -i 'FOO\|t' c.txt | od -c
GREP_COLORS='sl=1:cx=2' grep --color=always -C1 two c.txt | od -c
GREP_COLORS='sl=1:cx=2:rv' grep --color=always -v -C1 two c.txt | od -c
GREP_COLORS='sl=1' grep --color=always -o foo c.txt | od -c
