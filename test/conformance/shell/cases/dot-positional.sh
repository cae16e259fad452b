set -- outer
echo 'echo "in: $*"' > s.sh
. ./s.sh a b
echo "after: $*"
. ./s.sh
echo done
