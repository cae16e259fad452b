echo hi >&-
echo $?
{ echo x; } >&-
echo $?
exec 3>f; echo via3 >&3; exec 3>&-; read y < f; echo "$y"
echo z >&3; echo $?
