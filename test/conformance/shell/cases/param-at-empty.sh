set --
set -- "$@"; echo $#
set -- "$@"x; echo $#
set --; set -- "$@$@"; echo $#
set --; set -- "${1+"$@"}"; echo $#
set --; set -- "$@"''; echo $#
set -- ""; set -- "$@"; echo $#
