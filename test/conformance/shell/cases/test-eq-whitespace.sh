[ ' 1' -eq 1 ]; echo $?
[ '1 ' -eq 1 ]; echo $?
[ +1 -eq 1 ]; echo $?
[ -0 -eq 0 ]; echo $?
