x=$(); echo "[$x]" $?
y=``; echo "[$y]"
$(true); echo $?
$(false); echo $?
