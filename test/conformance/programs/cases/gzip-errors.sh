echo hello > g1
gzip g1
echo x > g1
gzip g1
echo status $?
gzip g1.gz
echo status $?
gzip nosuch
echo status $?
mkdir gd
gzip gd
echo status $?
gunzip g1
echo status $?
echo plain > p.gz
gunzip p.gz
echo status $?
gzip -d nosuch.gz
echo status $?
gzip -k g1
echo status $?
zcat g1
echo status $?
gzip -x
echo status $?
echo plain | gzip -dc
echo status $?
gzip -f g1
ls g1*
gunzip -q p.gz
echo status $?
gzip -q g1.gz
echo status $?
