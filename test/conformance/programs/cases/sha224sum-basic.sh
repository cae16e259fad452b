printf 'abc' > a
: > empty
sha224sum a empty
sha224sum --tag -b a
printf 'hello\n' | sha224sum
sha224sum a > sums
sha224sum -c sums
sha224sum --tag a | sha224sum -c --quiet; echo status $?
sha1sum a | sha224sum -c --strict; echo status $?
i=0; while [ $i -lt 2000 ]; do printf 'line %d\n' $i; i=$((i+1)); done > big
sha224sum big
