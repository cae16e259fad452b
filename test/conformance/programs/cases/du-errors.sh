touch f
du nosuch
echo status $?
du -b nosuch f
echo status $?
du -sa f
echo status $?
du -d x f
echo status $?
du -s -d 1 f
echo status $?
du -s -d 0 -b f
echo status $?
du --time=foo f
echo status $?
du --block-size=x f
echo status $?
du -t x f
echo status $?
du --bogus
echo status $?
du -bL nowhere
ln -s nowhere dang
du -b dang
du -bL dang
echo status $?
