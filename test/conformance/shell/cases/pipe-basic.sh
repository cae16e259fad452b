echo a | while read x; do echo "got $x"; done
echo b | { read y; echo "in $y"; }
echo c | (read z; echo "sub $z")
