/bin/kill 99999; echo st=$?
/bin/kill -9 99999 99998; echo st=$?
/bin/kill -s KILL 99999; echo st=$?
/bin/kill -s FOO 1; echo st=$?
/bin/kill abc; echo st=$?
/bin/kill 12abc 99999; echo st=$?
/bin/kill -0 $$; echo st=$?
/bin/kill -s 0 $$; echo st=$?
/bin/kill --signal=0 $$; echo st=$?
/bin/kill -SIGCONT $$; echo st=$?
/bin/kill -0 -- -99999; echo st=$?
/bin/kill 2>/dev/null; echo st=$?
/bin/kill -FOO 1 2>err; echo st=$?; head -n 1 err
/bin/kill -s 2>err; echo st=$?; head -n 1 err
/bin/kill -s 0 2>/dev/null; echo st=$?
/bin/kill -q abc 1; echo st=$?
