printf 'abc' > a
printf 'xyz\n' > b
cksum -a md5 a > sums
cksum -a sha1 b >> sums
cksum -a sha512 a >> sums
cksum -c sums; echo status $?
cksum -a sha1 -c sums; echo status $?
cksum -a sha1 -c -w sums; echo status $?
cksum -a sha1 -c --strict sums; echo status $?
cksum -a md5 --untagged a b > plain
cksum -a md5 -c plain; echo status $?
cksum -c plain; echo status $?
cksum -c -w plain; echo status $?
printf 'junk\nCRC (a) = 1\nMD5(a)= 900150983cd24fb0d6963f7d28e17f72\nSYSV (a) = 1\nSHA1 (a) = a9993e364706816aba3e25717850c26c9cd0d89d\n' > mixed
cksum -c -w mixed; echo status $?
cksum -c --tag --untagged sums; echo status $?
printf 'q' >> a
cksum -c sums; echo status $?
cksum -c --quiet sums; echo status $?
cksum -c --status sums; echo status $?
rm b
cksum -c sums; echo status $?
cksum -c --ignore-missing sums; echo status $?
cksum -c nosuch; echo status $?
cksum -a sha256 a | cksum -c; echo status $?
