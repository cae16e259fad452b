echo hello world | tr a-z A-Z
echo hello world | tr -d lo
echo hello   world | tr -s ' '
echo hello world | tr -cd 'a-z\n'
echo hello world | tr -t abcdefghijklmnop xy
echo aabbcc | tr -s a-c x
tr
echo status $?
tr a
echo status $?
tr -d a b
echo status $?
tr a b c
echo status $?
tr --bogus
echo status $?
env -i A=1 B=2
env -i A=1 env -u A
env -i -0 X=y | od -c
env -i -C / pwd
env -i -C /nonexistent pwd
echo status $?
env --bogus
echo status $?
env -i nosuchcmd
echo status $?
env -i -- /tmp
echo status $?
