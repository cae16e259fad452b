echo start
echo ${u?}
echo never
