printf 'abc%z'; echo " $?"
printf '%'; echo " $?"
printf '%5%|\n' 3; echo $?
