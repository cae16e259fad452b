lsns -x
echo status $?
lsns --bogus
echo status $?
lsns -t bogus
echo status $?
lsns -o BOGUS
echo status $?
lsns -o NS,bogus
echo status $?
lsns a
echo status $?
lsns -p x
echo status $?
lsns -p 1 4026531836
echo status $?
