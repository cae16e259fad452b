printf abc | { read x; echo $? "[$x]"; }
read y; echo $? "[$y]"
printf '' | { read z; echo $? "[$z]"; }
