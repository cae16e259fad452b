exec; echo $?
exec 2>&1; echo still
