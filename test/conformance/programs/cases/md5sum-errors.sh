printf 'abc' > a
md5sum nosuch a; echo status $?
md5sum .; echo status $?
md5sum --tag -t a; echo status $?
md5sum -c -b a; echo status $?
md5sum --quiet a; echo status $?
md5sum --status a; echo status $?
md5sum --strict a; echo status $?
md5sum -w a; echo status $?
md5sum --ignore-missing a; echo status $?
md5sum --tag -c a; echo status $?
md5sum -z -c a; echo status $?
md5sum -x; echo status $?
