kill; echo $?
kill -s FOO 1; echo $?
kill -l 200; echo $?
kill 999999; echo $?
