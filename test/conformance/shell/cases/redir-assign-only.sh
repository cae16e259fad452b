x=1 > f; echo $? "$x"
echo *
y=$(echo v) 2> nodir/z; echo $? "$y" 
