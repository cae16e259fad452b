echo before
echo "abc
echo after
