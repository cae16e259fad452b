IFS=' :'
x='a : b'; set -- $x; echo $#
x='a :: b'; set -- $x; echo $#; printf '[%s]' "$@"; echo
x=' : a'; set -- $x; echo $#; printf '[%s]' "$@"; echo
