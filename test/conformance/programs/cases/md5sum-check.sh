printf 'abc' > a
printf 'xyz\n' > b
md5sum a b > sums
echo zz >> sums
printf 'q' >> a
md5sum -c sums; echo status $?
md5sum -c --quiet sums; echo status $?
md5sum -c --status sums; echo status $?
md5sum -c -w sums; echo status $?
md5sum -c --strict sums; echo status $?
rm b
md5sum -c sums; echo status $?
md5sum -c --ignore-missing sums; echo status $?
printf 'abc' > a
md5sum -c --ignore-missing sums; echo status $?
echo junk | md5sum -c; echo status $?
sha256sum --tag a > t
md5sum -c t; echo status $?
md5sum -c nosuch; echo status $?
md5sum -c .; echo status $?
md5sum a a > two
md5sum -c two sums; echo status $?
