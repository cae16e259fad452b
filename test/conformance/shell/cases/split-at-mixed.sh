set -- "a b" "" "c"
IFS=:
printf '[%s]' $@; echo
printf '[%s]' x$@y; echo
printf '[%s]' "x$@y"; echo
unset IFS
printf '[%s]' ${1+"$@"}; echo
