x="a "; set -- $x""; echo $#
x=" a"; set -- ""$x; echo $#
set -- $x; echo $#
set -- b$x; echo $#
e=; set -- $e; echo $#; set -- "$e"; echo $#; set -- $e""; echo $#; set -- $e $e; echo $#
