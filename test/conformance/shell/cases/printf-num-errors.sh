printf '%d|%d|%d\n' 12abc abc " 7"; echo $?
printf '%d\n' ''; echo $?
