[ ]; echo $?
[ -n ]; echo $?
[ -z ]; echo $?
[ ! ]; echo $?
[ ! -z ]; echo $?
[ = ]; echo $?
[ -f = -f ]; echo $?
[ ! = ! ]; echo $?
[ \( = \) ]; echo $?
[ \( x \) ]; echo $?
