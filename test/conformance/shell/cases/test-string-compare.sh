[ a \< B ]; echo $?
[ abc \> abd ]; echo $?
[ 10 \< 9 ]; echo $?
[ "" = "" ]; echo $?
[ -n "" ]; echo $?
