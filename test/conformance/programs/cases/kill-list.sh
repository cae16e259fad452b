/bin/kill -l
/bin/kill -L
/bin/kill -l 9; echo st=$?
/bin/kill -l KILL
/bin/kill -l sigterm
/bin/kill -l SIGRTMIN
/bin/kill -l 137; echo st=$?
/bin/kill -l FOO; echo st=$?
/bin/kill -l 0; echo st=$?
/bin/kill --list=HUP
/bin/kill -lINT
/bin/kill --table | head -n 1
/bin/kill -V
