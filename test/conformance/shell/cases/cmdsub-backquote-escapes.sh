echo `echo '\$x' "\\\\"`
echo "`echo \"a\"`"
x=5; echo `echo \$x`
