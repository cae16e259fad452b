printf 'a\nb\nb\n' > s
printf 'b\na\n' > u
sort -c s
echo status $?
sort -c u
echo status $?
sort -C u
echo status $?
sort -cu s
echo status $?
sort --check=quiet u
echo status $?
sort --check=diagnose-first u
echo status $?
sort -c < u
echo status $?
sort -c -k1,1r u
echo status $?
printf 'a\nc\n' > m1
printf 'b\nd\n' > m2
sort -m m1 m2
sort -m u s
sort -mu s m1
