i=0
while [ $i -lt 5 ] && { i=$((i+1)); [ $i = 3 ] && break; true; }; do echo $i; done
echo end $i
