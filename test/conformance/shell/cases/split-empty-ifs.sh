IFS=
x='a b  c'
set -- $x; echo $#
set -- "a b" c; set -- $*; echo $#; set -- "a b" c; set -- $@; echo $#
