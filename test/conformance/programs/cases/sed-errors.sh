printf 'x\n' > f
e() { printf '%s => ' "$*"; sed "$@" f 2>&1; echo "[$?]"; }
e 's/a/b'
e 's/a/b/q'
e 's/a/b/ g'
e 's/a/b/g '
e 'k'
e 'p;k'
e 'p
k'
e -e p -e k
e -e p -e 's/x'
e '/x'
e 'y/ab/c/'
e 'y/ab/cd'
e 's/a/b/gg'
e 's/a/b/pp'
e 's/a/b/0'
e 's/a/b/2p3'
e '{p'
e 'p}'
e '}'
e ':'
e 'b foo'
e '1,2,3p'
e '1!!p'
e '1 ! p'
e '+1p'
e '~1p'
e '0p'
e '0,5p'
e '1,+0p'
e 'a'
e 'r'
e 'w'
e 'pq'
e 'p x'
e '1,2q'
e '1,2:a'
e 'x;;y'
e '3'
e '3
p'
e '1,'
e '/x/,'
e 's/\(a\)/\2/'
e 's/a/\1/'
e -E 's/(a)|b/\2/'
e 'qx'
e 'q5 x'
e 'l 5x'
e 's/a/b/w'
e 'v 9.0'
e 'R'
e '1#foo'
e '}x'
e '/a/Q;/b/,/c/q'
e 's/a\(/b/'
e 's/a\)/b/'
e 's/a\{1/b/'
e 's/\(a\)\2/b/'
e 's/[[:foo:]]/b/'
e 's/[:space:]/b/'
e 's/a**/b/'
e 's/*a/b/'
e 's/b-a/b/'
e 's/[b-a]/b/'
e 's/x\{99999\}/y/'
e 's/a\{1,0\}/b/'
e 's/\{1\}/b/'
e -E 's/*a/b/'
e -E 's/(/b/'
e -E 's/)/b/'
e -E 's/a{1/b/'
e -E 's/a|*b/b/'
e '/a\(/p'
e '/[[:foo:]]/Ip'
e 's//x/'
e '//p'
e 'y/a/'
e 'y/abc/xy\z/'
e ':a;:a'
e 'b a;b b'
e 'ss'
e 's'
e 's/a/b/;}'
e '{{p}'
e '1~2~3p'
e 'bx; :x'
sed -n
echo "[$?]"
sed -f nosuch f
echo "[$?]"
printf 'p\nk\n' > script
sed -f script f
echo "[$?]"
printf 's/a/b\n' > script2
sed -f script2 f
echo "[$?]"
sed -n -e p -f script f
echo "[$?]"
sed -l x p f
echo "[$?]"
sed 'w /nonexistent/dir/file' f
echo "[$?]"
