echo one
echo 'abc
