IFS=:
x=a::b:c:
set -- $x; echo $#; printf '[%s]' "$@"; echo
x=:a
set -- $x; echo $#; printf '[%s]' "$@"; echo
