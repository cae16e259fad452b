echo $0
f() { echo $0; }; f
sh -c 'echo $0' name
sh -c 'echo $0 $1' name one
