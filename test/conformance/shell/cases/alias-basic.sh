alias ll='echo long' a=b
alias
alias ll
alias nosuch; echo $?
unalias a; unalias nosuch; echo $?
alias
unalias -a; alias; echo end
