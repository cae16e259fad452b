printf 'abc' > a
: > empty
printf 'q' > 'n\l'
sha1sum a empty 'n\l'
sha1sum -b a
sha1sum --tag a 'n\l'
sha1sum -z a | od -c
printf 'hello\n' | sha1sum
sha1sum a empty > sums
sha1sum -c sums
printf 'x' >> a
sha1sum -c sums; echo status $?
sha1sum --tag empty | sha1sum -c
printf 'SHA1 (empty)= da39a3ee5e6b4b0d3255bfef95601890afd80709\n' | sha1sum -c
sha256sum empty | sha1sum -c -w; echo status $?
sha1sum nosuch; echo status $?
sha1sum -x; echo status $?
