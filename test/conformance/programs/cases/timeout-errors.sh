timeout; echo status $?
timeout 1; echo status $?
timeout x true; echo status $?
timeout -- -1 true; echo status $?
timeout -s FOO 1 true; echo status $?
timeout -k x 1 true; echo status $?
timeout 1 nosuchcmd; echo status $?
printf 'x' > notexec
timeout 1 ./notexec; echo status $?
timeout -x 1 true; echo status $?
timeout 1 true --foo; echo status $?
