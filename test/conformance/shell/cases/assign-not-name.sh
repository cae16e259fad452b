1x=2 2>/dev/null; echo $?
x-y=1 2>/dev/null; echo $?
"x"=1 2>/dev/null; echo $?
