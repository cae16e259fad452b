set -u
e=
echo "[$e]" "[${e:-x}]"
unset e
echo ${e?explicit}
