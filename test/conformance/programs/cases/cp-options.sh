echo a > a
echo old > b
touch -d @5 b
cp -u a b
cat b
touch -d @2000000000 b
cp -uv a b
cat b
cp -n a b -v
echo status $?
cat b
cp -nv a nb
cat nb
chmod 444 nb
cp -v b nb
echo status $?
echo y | cp -iv a b
cat b
echo n | cp -i b a
echo status $?
cat a
cp -i a new </dev/null
echo status $?
echo p | cp --remove-destination -v b a
cp -bv a b
cp -b -S .old -v a b
cp --backup=numbered -v a b
cp --backup=simple -v a c
cp --backup=simple -v a c
cp -fb a a -v
echo status $?
cp -bn a b
echo status $?
cp --sparse=always a sp
cp --reflink=auto a rf
echo status $?
cp --sparse=bad a x
echo status $?
cp -ls a x
echo status $?
mkfifo fifo
cp -r fifo f2
test -p f2 && echo f2 is a fifo
cp -a fifo f3
test -p f3 && echo f3 is a fifo
mkdir p
cp --parents -v a p
mkdir -p s/t
cp -r --parents -v s/t p
cp --parents s/t p1
echo status $?
cp --preserve="a'" a x
echo status $?
