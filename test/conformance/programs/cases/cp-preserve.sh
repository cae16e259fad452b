mode() { chmod -v u+ "$@"; }
echo a > a
chmod 4777 a
cp a b; mode b
cp -p a c; mode c
echo x > e; chmod 600 e
cp a e; mode e
mkdir d; chmod 2777 d
cp -r d d2; mode d2
chmod 700 d
cp -r d d3; mode d3
mkdir -p x/y; chmod 555 x/y
cp -r x x2; mode x2/y
umask 077
cp a u1; mode u1
cp -r d u2; mode u2
umask 022
touch -d @1000 a
cp a t1
test t1 -nt a && echo t1 is newer
cp -p a t2
test t2 -nt a || echo t2 has the same time
cp --preserve=timestamps a t3
test t3 -nt a || echo t3 has the same time
cp -a a t4; mode t4
cp --no-preserve=mode -p a t5; mode t5
cp --preserve=bogus a q
echo status $?
cp --preserve=mode,ownership,timestamps,xattr a q -v
echo status $?
cp --attributes-only -v a att; mode att
cat att; echo "[att]"
mkdir -p s/t
touch -d @2000 s/t s
cp -a s s2
test s2 -nt s || echo s2 has the same time
test s2/t -nt s/t || echo s2/t has the same time
