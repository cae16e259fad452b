size() { od -c "$1" | { while read -r l; do x=$l; done; echo "$1: $x"; }; }
truncate
echo status $?
truncate f
echo status $?
truncate -s 1
echo status $?
truncate -s abc f
echo status $?
truncate -s 99999999999999999999 f
echo status $?
truncate -s +-1 f
echo status $?
truncate -s %0 f
echo status $?
truncate -r nosuch f
echo status $?
truncate -s 10 -r f g
echo status $?
truncate -o f
echo status $?
truncate -s 1K f; size f
truncate -s +1k f; size f
truncate -s -100 f; size f
truncate -s '<1000' f; size f
truncate -s '>2000' f; size f
truncate -s /300 f; size f
truncate -s %1000 f; size f
truncate -s -99999 f; size f
truncate -s 1M f; size f
truncate -s 1MB f; size f
truncate -s 1KiB f; size f
truncate -s K f; size f
truncate -r f g; size g
truncate -s +10 -r f g; size g
truncate -c -s 5 nosuch
echo status $?
test -e nosuch || echo nosuch not made
truncate -s 5 nodir/x
echo status $?
mkdir d
truncate -s 0 d
echo status $?
truncate -s 0 /dev/null
echo status $?
truncate -s ' + 5' f
echo status $?
truncate -s 1b f
echo status $?
truncate -s '<+5' f
echo status $?
echo hello > h
truncate -s 3 h
cat h; echo
truncate -s 6 h
od -c h
truncate -s "1'" f
echo status $?
truncate -s 1 "nd'/x"
echo status $?
