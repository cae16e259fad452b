mkdir -p d/sub
echo hello > d/sub/f
touch -d @1700000000 d/sub/f
chmod 640 d/sub/f
find d/sub/f -printf '%p|%f|%h|%s|%m|%#m|%M|%u|%g|%U|%G|%y|%Y|%t|%P|%d|%H|%n|%l|\n'
find d/sub -name f -printf '[%P] [%H] [%d]\n'
find d/sub/f -printf '%10p|%-6f|%.3p|%5s|%-5m|%%|\n'
find d -maxdepth 0 -printf 'no newline'
echo
find d/sub/f -printf 'tab\there\\c after\n'
echo
find d/sub/f -printf 'x\qy %z\n'
find d/sub/f -printf '\101\060\n'
ln -s f d/sub/l
ln -s nowhere d/sub/dangling
find d/sub -name l -printf '%p %y %Y %l\n'
find d/sub -name dangling -printf '%p %y %Y %l\n'
find -L d/sub -name l -printf '%p %y %Y\n'
find ./d/ -maxdepth 0 -printf '[%h|%f|%P|%p]\n'
find d// -maxdepth 0 -printf '[%h|%f|%p]\n'
find / -maxdepth 0 -printf '[%h|%f|%P|%p]\n'
find . -maxdepth 0 -printf '[%h|%f|%P|%p|%H]\n'
find d/ -maxdepth 0 -printf '[%h|%f]\n'
find d/sub/f -print0 | od -c
find d/sub/f -fprintf /dev/stdout 'x\n' 2>&1
echo status $?
