m=word
echo ${u?the $m here}
