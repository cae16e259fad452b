alias ls='ls -x' echo='echo e1 '
echo ls
alias a=b b=a; a 2>/dev/null; echo $?
