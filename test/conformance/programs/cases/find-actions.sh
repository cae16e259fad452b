mkdir -p d/e
touch d/e/a
find d -name a -exec echo found {} \;
find d -name a -exec echo batch {} +
find d -name a -exec echo x{}y '{}' \;
find d -name a -execdir echo {} \;
find d -name a -execdir echo batch {} +
find d -name a -exec false \;
echo status $?
find d -name a -exec false \; -print
find d -name a -exec true \; -print
find d -name a -exec nosuchcmd {} \;
echo status $?
find d -name a -exec nosuchcmd {} +
echo status $?
find d -name a -exec sh -c 'exit 2' sh {} +
echo status $?
find d -name a -exec sh -c 'echo "$#:$1"' sh {} \;
find d -type f -print -quit
find d d -name e -print -quit
find d -name a -quit -print
find d -name a -printf '%p\n' -print
mkdir -p q/r
touch q/r/s q/t
find q -name t -delete
find q -name r -delete
echo status $?
find q/r -delete
find q
find q -depth -name q -delete
echo status $?
find q
