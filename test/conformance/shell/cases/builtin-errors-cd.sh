cd /nonexist/x
cd -z
echo after
