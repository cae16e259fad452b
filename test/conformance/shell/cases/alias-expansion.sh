alias say='echo said'
say hi
alias again='say '
again again
alias e=echo
x=1 e prefixed
alias multi='echo one; echo two'
multi
