cat /nonexistent; echo "status $?"
cat . ; echo "status $?"
echo in | cat - /nonexistent; echo "status $?"
env -i A=1 B=2
env -u HOME A=1 true; echo "env $?"; env -i nosuchcommand; echo "status $?"
/bin/echo -n no-newline; /bin/echo -e 'tab\there'
false; echo "false $?"; true; echo "true $?"
