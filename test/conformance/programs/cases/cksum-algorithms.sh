printf 'abc' > a
: > empty
printf 'q' > 'n\l'
for x in sysv bsd crc md5 sha1 sha224 sha256 sha384 sha512; do cksum -a $x a empty 'n\l'; done
printf abc | cksum -a md5
printf abc | cksum -a sysv
printf abc | cksum -a bsd -
cksum --algorithm=sha256 --untagged a 'n\l'
cksum -a md5 --untagged --tag a
cksum -a md5 --tag --untagged a
cksum -a sysv --untagged a
cksum -a sha1 -z a 'n\l' | od -c
cksum -a bsd -z a | od -c
mkdir d
cksum -a sysv d; echo status $?
cksum -a md5 d nosuch a; echo status $?
cksum -a md5 -l 0 a
