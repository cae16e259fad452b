# nohup without a terminal: nothing is redirected, so it only runs the command (SIGHUP ignored).
nohup echo hi; echo "status $?"
nohup sh -c 'echo out; echo err >&2' 2>err; echo "status $?"; cat err
ls
nohup; echo "status $?"
nohup nope; echo "status $?"
POSIXLY_CORRECT=1 nohup nope; echo "status $?"
POSIXLY_CORRECT=1 nohup; echo "status $?"
nohup -x; echo "status $?"
nohup --foo; echo "status $?"
nohup -- echo a; echo "status $?"
mkdir d; nohup ./d; echo "status $?"
nohup sh -c 'kill -HUP $$; echo survived'; echo "status $?"
