readonly o
getopts a o -a
echo $?
