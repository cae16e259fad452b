printf 'abc' > a
: > empty
sha256sum a empty
sha256sum -b a
sha256sum --tag a
printf 'hello\n' | sha256sum
sha256sum a > sums
sha256sum -c sums
printf 'x' >> a
sha256sum -c sums; echo status $?
sha256sum --tag empty | sha256sum -c
md5sum a | sha256sum -c; echo status $?
sha256sum nosuch; echo status $?
sha256sum -c -w sums sums; echo status $?
i=0; while [ $i -lt 2000 ]; do printf 'line %d of a longer file\n' $i; i=$((i+1)); done > big
sha256sum big
md5sum big
