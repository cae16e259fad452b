exec 3>out
exec 3>&-
echo x >&3; echo $?
echo y 3>&-; echo $?
