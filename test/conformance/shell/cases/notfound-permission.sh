echo 'echo hi' > script
./script; echo $?
PATH=$PWD; script; echo $?
