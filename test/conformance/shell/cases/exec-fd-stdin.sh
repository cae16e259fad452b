echo line1 > f; echo line2 >> f
exec 3<f
read a <&3; read b <&3
echo "$a $b"
exec 3<&-
exec 4<&0 0<f; read c; exec 0<&4 4<&-; echo "$c" 
