set -- abc abd xbc
echo ${@#a} "${@%c}"
printf '[%s]' "${@#?}"; echo
