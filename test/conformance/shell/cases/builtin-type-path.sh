type /nonexist/cmd; echo $?
command -v /nonexist; echo $?
: > f
command -v ./f; echo $?
type ./f
