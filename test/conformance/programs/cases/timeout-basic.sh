timeout 5 true; echo status $?
timeout 5 false; echo status $?
timeout 5 sh -c 'exit 3'; echo status $?
timeout 5 echo hello world
timeout 0.3 sleep 5; echo status $?
timeout -s KILL 0.3 sleep 5; echo status $?
timeout --preserve-status 0.3 sleep 5; echo status $?
timeout -v 0.3 sleep 5; echo status $?
timeout -v -s INT 0.3 sleep 5; echo status $?
timeout -s usr1 0.3 sleep 5; echo status $?
timeout -s 9 0.3 sleep 5; echo status $?
timeout 5 sh -c 'kill -USR1 $$'; echo status $?
timeout -k 0.3 0.3 sh -c 'trap "" TERM; sleep 5'; echo status $?
timeout 0 true; echo status $?
timeout --foreground 0.3 sleep 5; echo status $?
timeout 5 sh -c 'trap "exit 7" TERM; kill -TERM $$; sleep 1'; echo status $?
timeout 0.3 sh -c 'trap "echo got TERM; exit 5" TERM; while :; do sleep 0.1; done'; echo status $?
timeout --preserve-status 0.3 sh -c 'trap "exit 5" TERM; while :; do sleep 0.1; done'; echo status $?
timeout 1m true; echo status $?
timeout 0.3 sh -c 'sleep 5 & sleep 5'; echo status $?
timeout 10 sleep 10 &
pid=$!
sleep 0.3
kill $pid
wait $pid; echo status $?
