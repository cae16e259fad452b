mkdir dir dir/sub
touch a B _u .hidden 10 9 'Z z' dir/x dir/.y dir/sub/deep
ls
ls -a dir
ls -A dir
ls -1 dir
ls -r
ls -d dir .
ls a dir B
echo status $?
ls nosuch a
echo status $?
ls dir/sub dir
ls -d
ls -A -a dir
ls -a -A dir
ls a a
