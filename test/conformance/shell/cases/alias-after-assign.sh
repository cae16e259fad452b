alias e='echo x'
y=1 e $y
