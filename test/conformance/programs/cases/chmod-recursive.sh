mkdir -p d/s/t e
: > e/f
ln -s ../.. d/s/t/up
chmod -R go-rx d e
chmod -v u+ d d/s d/s/t e e/f
ln -s d dl
chmod -v -R u-w dl/s
chmod -c -R u+w dl
chmod -v --reference=d e/f
chmod -v 644 d/s/t/up
chmod -v u+ d
chmod -R a+rX d e
chmod -v u+ d d/s d/s/t e e/f
ln -s nowhere dang
chmod -v 644 dang
echo status $?
mkdir -p c/c/c
chmod -R -v 700 c
