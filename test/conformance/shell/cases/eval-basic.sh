eval echo a b
x='echo from-var'; eval $x
eval 'y=1; echo $y'
eval "for i in 1 2; do echo \$i; done"
eval; echo $?
eval ''; echo $?
