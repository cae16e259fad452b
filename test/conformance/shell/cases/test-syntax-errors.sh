[ a b ]; echo $?
[ a = ]; echo $?
[ -n ]; echo $?
test a b c; echo $?
[ ( a ]; echo $?
[ a; echo $?
echo after
