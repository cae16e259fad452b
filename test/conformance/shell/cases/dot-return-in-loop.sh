echo 'for i in 1 2 3; do [ $i = 2 ] && return 5; echo $i; done' > r.sh
. ./r.sh; echo $?
