echo a > a
mkdir e f
mv -v a b
cat b
mv b e
mv -v e/b .
mv -v f e
mkdir g
: > gf
mv -v gf g
mv -v g/gf e/x
: > p; : > q
mv -v p q e
mv -t e -v b
mkdir -p d1/d2
: > d1/d2/f
mv -v d1/ d3/
mv -v d3/d2/f d3/d2/f2
mv -T e/x e/y -v
: > r
mv -f -v r rr
: > s
mv -n s rr
echo status $?
test -e s && echo s stays
echo n | mv -i s rr
echo status $?
echo y | mv -iv s rr
touch -d @1 old
touch -d @2 new
mv -u old new
echo status $?
test -e old && echo old stays
mv -uv new old
mv -bv old x
mv -bv x e/y
mv --backup=numbered -v e/y e/y~
