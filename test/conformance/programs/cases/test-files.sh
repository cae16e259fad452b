t() { "$@"; echo "-> $?"; }
T=/bin/test
printf x > f
: > empty
mkdir d
ln -s f link
ln -s nowhere dangling
chmod 755 f
chmod 644 empty
touch -d @1700000000 empty
touch -d @1700000100 f
for op in -e -a -f -d -s -h -L -r -w -x -b -c -p -S -u -g -k -O -G -N; do
  for x in f empty d link dangling nosuch /dev/null; do printf '%s %s ' $op $x; t $T $op $x; done
done
t $T f -nt empty
t $T empty -nt f
t $T f -ot empty
t $T empty -ot f
t $T f -nt nosuch
t $T nosuch -ot f
t $T f -ef link
t $T f -ef empty
t $T f -ef nosuch
t $T -l f -nt empty
t $T -t 0
