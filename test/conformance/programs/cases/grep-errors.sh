printf 'a*b\n' > f
e() { printf '%s: ' "$*"; grep "$@" f 2>&1; echo "status $?"; }
e 'a['
e '['
e '[a'
e '[^'
e 'a\('
e 'a\)'
e '\('
e 'a\{1'
e 'a\{1,0\}'
e 'a\{x\}'
e 'a\{1,2'
e 'a\'
e '\(a\)\2'
e '\(a\1\)'
e '[[:foo:]]'
e '[[:ALPHA:]]'
e '[:space:]'
e '[:a:]'
e '[::]'
e '[b-a]'
e '[[:alpha:]-z]'
e '[[.ab.]]'
e '[[=ab=]]'
e 'x\{99999\}'
e 'x\{32768\}'
e -E '('
e -E 'a{1,0}'
e -E 'a{}'
e -E '(a))'
e -E 'a\'
e -E '\1(a)'
grep
echo "status $?"
grep -k x f
echo "status $?"
grep --bogus x f
echo "status $?"
grep -A x y f
echo "status $?"
grep -m x y f
echo "status $?"
grep --binary-files=foo x f
echo "status $?"
grep -d foo x f
echo "status $?"
grep -D foo x f
echo "status $?"
grep -f nofile f
echo "status $?"
grep -e
echo "status $?"
grep --context
echo "status $?"
grep --colo=always 'a' f
grep --no-filename --with-filename a f
