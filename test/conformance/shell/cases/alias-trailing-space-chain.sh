alias a='echo ' b='B ' c=C
a b c
alias d='a '
d b c
