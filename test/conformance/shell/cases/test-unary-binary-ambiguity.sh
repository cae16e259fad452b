[ -f = -f ]; echo $?
[ -n = -n ]; echo $?
[ -z -a -z ]; echo $?
[ ! -n = ]; echo $?
[ x -a ! x ]; echo $?
[ \( -n \) ]; echo $?
