echo ${1=a}
echo after
