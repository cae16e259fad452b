cd() { echo "fake cd"; }
command cd /; pwd
command; echo $?
command -p echo pflag
