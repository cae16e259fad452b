(kill -TERM $(sh -c 'echo $PPID')); echo $?
