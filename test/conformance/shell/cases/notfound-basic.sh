nosuchcmd
echo $?
nosuch arg 2>/dev/null; echo $?
x=1 nosuch; echo $? "[$x]" 
