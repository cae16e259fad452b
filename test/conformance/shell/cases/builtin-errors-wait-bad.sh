wait abc
echo $?
