cd /; pwd
cd; pwd
cd -; cd /tmp; cd -
echo $OLDPWD
cd /nonexist; echo $?
pwd
