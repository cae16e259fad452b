exec 3>&1
exec > f
echo hidden
exec 1>&3 3>&-
echo visible
read x < f; echo "$x" 
