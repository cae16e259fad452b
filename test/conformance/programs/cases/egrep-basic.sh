printf 'abc\nabd\naaa\nx+y\n' > t
egrep 'ab(c|d)' t
egrep -c 'a{3}' t
egrep -v 'a' t
egrep 'x\+y' t
fgrep 'x+y' t
fgrep -c '(' t
echo "status $?"
egrep '(' t
echo "status $?"
egrep -G 'x+y' t
fgrep -E 'ab(c|d)' t
