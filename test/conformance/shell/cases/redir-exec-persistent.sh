exec > f
echo into-file
exec >&2
echo to-stderr
exec 4<f
read line <&4
echo "[$line]" >&2
