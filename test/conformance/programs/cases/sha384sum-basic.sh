printf 'abc' > a
: > empty
sha384sum a empty
sha384sum --tag a
printf 'hello\n' | sha384sum -
sha384sum a empty > sums
printf 'z' > empty
sha384sum -c sums; echo status $?
sha384sum -c --status sums; echo status $?
sha384sum --status a; echo status $?
i=0; while [ $i -lt 2000 ]; do printf 'line %d\n' $i; i=$((i+1)); done > big
sha384sum big
