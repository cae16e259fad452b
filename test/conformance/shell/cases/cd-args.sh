cd -P /; pwd -P; pwd -L
cd -z; echo $?
