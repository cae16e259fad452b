: > f
command -v ./f; echo $?
command -v /tmp; echo $?
command -V /tmp; echo $?
