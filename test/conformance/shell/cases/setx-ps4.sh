PS4='[$x] '; x=1; set -x
echo hi
x=2 echo there
