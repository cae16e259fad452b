printf 'abc' > a
: > empty
printf 'xyz\n' > 'b c'
printf 'q' > 'n\l'
i=0; while [ $i -lt 3000 ]; do printf 'line %d of some text\n' $i; i=$((i+1)); done > big
sum a empty 'b c' 'n\l' big
sum -r a big
sum -s a empty 'b c' big
sum --sysv big
sum -rs a
sum -sr a
printf abc | sum
printf abc | sum -s
printf abc | sum - a
head -c 1025 big | sum
head -c 1025 big | sum -s
