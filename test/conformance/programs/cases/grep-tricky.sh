printf 'the cat\ncatalog\nconcat\nCAT\ncat-like\n_cat_\n' > w
grep -w cat w
grep -wc 'cat\|log' w
grep -x -e cat -e 'the cat' w
grep -wi CAT w
grep -ow 'c[a-z]*' w
grep -e cat -e CAT -c w
grep -n -e '^c' -e 'g$' w
grep -o 'c.t' w
grep -o '\(a\|at\)\(t\|alog\)' w
grep -E -o 'cat|catalog' w
grep -o -i 'CAT' w
grep -c '' w
grep -o '' w
echo "status $?"
grep -v -c 'cat' w
grep -F -w -o 'cat' w
grep -F -x 'CAT' w
grep -F -i -c 'cat' w
printf 'ab\nab\nabab\n' > r
grep -E '(ab)\1' r
grep '\(ab\)\1' r
grep -c '^\(ab\)*$' r
grep -E -c '^(ab){2}$' r
printf 'x1\nx22\nx333\n' > n
grep -E 'x[0-9]{2,}' n
grep 'x[0-9]\{,2\}$' n
grep -o '[0-9]*' n
grep -m 1 -c x n
grep -e x1 -e x22 -m 1 n
grep --max-count=2 -o 'x' n
printf 'a\nb\nc\n' | grep -A1 -B1 -n b
printf 'a\nb\nc\n' | grep -C5 b
