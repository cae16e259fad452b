umask 077
: > f
umask 022
: > g
[ -r f ] && echo readable
