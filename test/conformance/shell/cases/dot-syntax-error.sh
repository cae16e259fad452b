echo 'echo ok1
if' > bad.sh
. ./bad.sh
echo never
