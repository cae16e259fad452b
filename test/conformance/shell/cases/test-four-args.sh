[ ! a = b ]; echo $?
[ ! a = a ]; echo $?
[ \( a = a \) ]; echo $?
[ a = a -o b ]; echo $?
[ ! \( a \) ]; echo $?
