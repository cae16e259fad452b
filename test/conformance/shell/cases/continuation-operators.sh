echo a &\
& echo b
echo c |\
| echo d
x=5; echo $\
x ${\
x} $(\
echo e)
