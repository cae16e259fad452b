echo a\
b
ec\
ho joined
x=1\
2; echo $x
echo "dq\
cont" 'sq\
kept'
