find nosuch
echo status $?
mkdir d
find d nosuch d
echo status $?
find d -badopt
echo status $?
find d -name
echo status $?
find d -type z
find d -type fd
find d -type f,
find d -type
find d -maxdepth x
find d \( -name x
find d -name x \)
find d -size 3q
find d -perm 999
find d -user nosuchuser
find d -newer nosuch
find d -exec echo {}
find d -mtime x
find d -printf
find d -o
find d -a -print
find d !
find d -name x -o
find d \( \)
find d e -print f
echo status $?
find -L d -P
echo status $?
