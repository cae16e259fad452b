printf 'abc' > a
printf x > 'p
q'
printf y > 'r\s'
cksum a 'p
q' 'r\s'
cksum -a sysv 'p
q' 'r\s'
sum 'p
q' 'r\s'
cksum -a md5 'p
q' 'r\s'
cksum -a md5 --untagged 'p
q' 'r\s'
cksum -a sha1 'p
q' 'r\s' > sums
cksum -c sums
cksum -a sha1 --untagged 'p
q' 'r\s' | cksum -a sha1 -c
cksum -a md5 -z 'p
q' | od -c
printf 'MD5 (a) = 900150983CD24FB0D6963F7D28E17F72\r\n' | cksum -c
printf 'MD5 (a) = 900150983cd24fb0d6963f7d28e17f7\n' | cksum -c -w; echo status $?
printf 'SHA256-128 (a) = ba7816bf8f01cfea414140de5dae2223\n' | cksum -c -w; echo status $?
printf '  \\MD5 (a) = 900150983cd24fb0d6963f7d28e17f72\n' | cksum -c; echo status $?
printf 'MD5  (a) = 900150983cd24fb0d6963f7d28e17f72\n' | cksum -c -w; echo status $?
printf 'MD5\t(a) = 900150983cd24fb0d6963f7d28e17f72\n' | cksum -c -w; echo status $?
printf 'MD5 (a) =900150983cd24fb0d6963f7d28e17f72\n' | cksum -c -w; echo status $?
printf 'MD5 (a)\t=\t900150983cd24fb0d6963f7d28e17f72\n' | cksum -a md5 -c -w; echo status $?
printf 'MD5 (a) = 900150983cd24fb0d6963f7d28e17f72\n' | cksum -c - ; echo status $?
cksum -a sha384 a | sha384sum -c
sha512sum --tag a | cksum -c
printf 'MD5  (a) = 900150983cd24fb0d6963f7d28e17f72\n' | md5sum -c; echo status $?
printf 'MD5 (a) = 900150983cd24fb0d6963f7d28e17f72 \n' | cksum -c; echo status $?
for l in 'MD5-128 (a) = 900150983cd24fb0d6963f7d28e17f72' 'MD5-64 (a) = 900150983cd24fb0' 'MD5-0x40 (a) = 900150983cd24fb0' \
  'MD5-64(a) = 900150983cd24fb0' 'MD5-64  (a) = 900150983cd24fb0' 'MD5-60 (a) = 900150983cd24fb' 'MD5-0 (a) = 9' \
  'MD5-256 (a) = 900150983cd24fb0d6963f7d28e17f72900150983cd24fb0d6963f7d28e17f72' 'MD5-64 (a) = 900150983cd24fb1' \
  'MD5-64 (a) = 900150983cd24fb0d6963f7d28e17f72' 'SHA512-8 (a) = dd'; do
  printf '%s\n' "$l" | cksum -c; echo status $?
  printf '%s\n' "$l" | cksum -a md5 -c; echo status $?
done
printf 'MD5-128 (a) = 900150983cd24fb0d6963f7d28e17f72\n' | md5sum -c; echo status $?
