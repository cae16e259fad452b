echo 'echo sourced $1; x=set' > s.sh
. ./s.sh arg
echo "x=$x"
echo 'return 4; echo never' > r.sh
. ./r.sh; echo $?
