fg; echo $?
bg %1; echo $?
jobs %1; echo $?
echo after
