printf 'abc' > a
printf 'xyz\n' > 'b c'
printf 'q' > 'n\l'
: > empty
md5sum a 'b c' 'n\l' empty
md5sum -b a
md5sum --tag a 'n\l'
md5sum -z a | od -c
printf abc | md5sum
md5sum - < a
md5sum a 'b c' > sums
md5sum -c sums
md5sum -c --quiet sums
echo status $?
echo '# comment' >> sums
echo >> sums
md5sum -c sums
md5sum --tag a | md5sum -c
md5sum 'n\l' | md5sum -c
printf '900150983CD24FB0D6963F7D28E17F72  a\n' | md5sum -c
printf '900150983cd24fb0d6963f7d28e17f72 a\n' | md5sum -c
printf '900150983cd24fb0d6963f7d28e17f72 *a\n' | md5sum -c
printf '  900150983cd24fb0d6963f7d28e17f72  a\n' | md5sum -c
printf 'MD5 (a) = 900150983cd24fb0d6963f7d28e17f72\n' | md5sum -c
printf x > 'p
q'
md5sum 'p
q' | md5sum -c
printf x > 'r\s
t'
md5sum 'r\s
t' | md5sum -c
