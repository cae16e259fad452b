mkdir d
touch d/f
ln -s f d/link
mkdir e
ln -s nowhere e/dangling
mkdir g
ln -s ../h g/dirlink
mkdir h
touch h/inner
find d -type l
find -L d -type l
find -L d -name link -type f
find e -xtype l
find -L e -type l
find g/dirlink
find -H g/dirlink
find -L g
find g -follow -name inner
find d -lname 'f*'
find -L g -name inner -printf '%d %p\n'
ln -s . h/self
find -L h -name self
echo status $?
