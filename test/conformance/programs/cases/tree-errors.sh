mkdir d
tree -z
echo status $?
tree --bogus
echo status $?
tree -L
echo status $?
tree -L 0
echo status $?
tree -L x d
echo status $?
tree -P
echo status $?
tree --sort=foo d
echo status $?
tree --charset
echo status $?
tree --timefmt=
echo status $?
tree --version
