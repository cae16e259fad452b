echo a > a
ln -s a la
ln -s nowhere dang
mkdir d; ln -s d ld
cp -v la x1
test -L x1 && echo x1 link || echo x1 file
cp -Pv la x2
test -L x2 && echo x2 link
cp -d la x3
test -L x3 && echo x3 link
cp -r la x4
test -L x4 && echo x4 link
cp -R ld x5
test -L x5 && echo x5 link
cp -rH ld x6
test -d x6 && echo x6 dir
cp dang x7
echo status $?
cp -P dang x8
echo status $?
test -L x8 && echo x8 link
cp a dang
echo status $?
mkdir src
echo 1 > src/f
ln src/f src/hard
ln -s f src/sym
cp -a src dst
test -L dst/sym && echo dst/sym link
test dst/f -ef dst/hard && echo dst/f and dst/hard are one file
cp -r src dst2
test dst2/f -ef dst2/hard || echo dst2 copies are separate
cp -rL src dst3
test -L dst3/sym || echo dst3/sym followed
cp -l a hl
cp -l a hl
echo status $?
: > g
cp -l a g
echo status $?
cp -lfv a g
echo status $?
test a -ef g && echo g is a
cp -sv a sa
cp -s a d/s
echo status $?
echo x > h
cp -sv a h
echo status $?
cp -sfv a h
test -L h && echo h link
cp -ls a ab
echo status $?
