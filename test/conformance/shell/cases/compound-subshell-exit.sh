(echo a; exit 4; echo no)
echo $?
(false)
echo $?
