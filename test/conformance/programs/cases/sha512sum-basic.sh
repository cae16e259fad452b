printf 'abc' > a
: > empty
printf 'xyz\n' > 'b c'
sha512sum a empty 'b c'
sha512sum -b --tag a
sha512sum -z 'b c' | od -c | head -2
printf 'hello\n' | sha512sum
sha512sum a 'b c' > sums
sha512sum -c sums
rm 'b c'
sha512sum -c sums; echo status $?
sha512sum -c --ignore-missing sums; echo status $?
sha512sum -c nosuch; echo status $?
sha512sum --tag -t a; echo status $?
i=0; while [ $i -lt 3000 ]; do printf 'line %d of some text\n' $i; i=$((i+1)); done > big
sha512sum big
head -c 111 big | sha512sum
head -c 112 big | sha512sum
head -c 128 big | sha512sum
