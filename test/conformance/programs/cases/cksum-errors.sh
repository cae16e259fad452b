printf 'abc' > a
cksum -a foo a; echo status $?
cksum -a md a; echo status $?
cksum -a SHA1 a; echo status $?
cksum -a; echo status $?
cksum -x; echo status $?
cksum --binary a; echo status $?
cksum -b a; echo status $?
cksum -a md5 -t a; echo status $?
cksum -l 128 a; echo status $?
cksum -a md5 -l 256 a; echo status $?
cksum -l x a; echo status $?
cksum -l -8 a; echo status $?
cksum -a crc -c a; echo status $?
cksum -a bsd -c a; echo status $?
cksum -a sysv -c --quiet a; echo status $?
cksum -c -z a; echo status $?
for o in --quiet --status --strict -w --ignore-missing; do cksum $o a; echo status $?; done
cksum -a sysv --status a; echo status $?
