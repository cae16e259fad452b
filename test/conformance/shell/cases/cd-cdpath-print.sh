CDPATH=/tmp
cd sh-case; pwd
cd /; cd sh-case; echo $?
cd -; echo "$OLDPWD" 
