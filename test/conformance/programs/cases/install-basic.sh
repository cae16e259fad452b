mode() { chmod -v u+ "$@"; }
echo a > a
chmod 600 a
install a b; mode b
install -v a c
install -m 644 a d -v; mode d
install -t . a 2>&1
mkdir x
install -t x a -v
install a
echo status $?
install
echo status $?
install nosuch z
echo status $?
install x zz
echo status $?
install -g root -v a grp
install -o root -g 0 a own; mode own
install -o nosuchuser a e
echo status $?
install -g nosuchgrp a e
echo status $?
install -m xyz a e
echo status $?
install -C a c -v
install -C -m 755 a c -v
install -T a x
echo status $?
install a a
echo status $?
install -b a c -v
install -m u+x a g; mode g
install -m +x a h; mode h
install -m =r a i; mode i
install -m 4755 a k; mode k
touch -d @100 a
install -p a l
test l -nt a || echo l has the time of a
ln -s a al
install al lnk
test -L lnk || echo lnk is a copy
install -t nodir a
echo status $?
install a nodir/x
echo status $?
install d1 d2 d3
echo status $?
install -C -p a b
echo status $?
install -C -s a b
echo status $?
install --strip-program=true -s a o5
echo status $?
install -s --strip-program=false a o6
echo status $?
test -e o6 || echo o6 removed
install --strip-program=nosuchprog -s a o7
echo status $?
install -m "x'" a z
echo status $?
install -d -v "i'j"
: > "t'"
install -v "t'" "i'j/"
