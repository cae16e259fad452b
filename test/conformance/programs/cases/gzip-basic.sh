echo hello > g1
gzip g1
ls g1*
zcat g1.gz
gunzip g1.gz
ls g1*
cat g1
printf 'abc' > a
touch -d @1700000000 a
chmod 640 a
gzip a
ls -l a.gz
gunzip a.gz
ls -l a
gzip -c a > b.gz
gzip -c a >> b.gz
zcat b.gz
echo
gzip -9 a
gunzip -c a.gz
echo
gzip -dc a.gz | gzip -1 | gzip -d
echo
mv a.gz c.tgz
gunzip c.tgz
ls c*
echo abc | gzip | gunzip
gzip -k c.tar
ls c.tar*
gzip -t c.tar.gz
echo status $?
gzip -d < c.tar.gz
echo
gzip -dc - < c.tar.gz
echo
gunzip -c c.tar.gz c.tar.gz
echo
rm c.tar
gunzip c.tar
ls c.tar*
gzip -S .zz c.tar
ls c.tar*
gzip -d -S .zz c.tar.zz
ls c.tar*
mkdir r
echo 1 > r/one
gzip -r r
ls r
gunzip -r r
ls r
