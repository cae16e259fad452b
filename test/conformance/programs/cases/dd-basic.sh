# dd copies blocks and reports records on stderr; the timing part of the last line is cut off.
t() { "$@" 2>&1 | sed 's/, [0-9.e+-]* s, .*//'; }
printf 'hello world\n' > in
t dd if=in of=out
cat out
t dd if=/dev/zero of=big bs=1M count=3
wc -c < big
t dd if=/dev/zero of=k bs=1K count=1
t dd if=/dev/zero of=one bs=1 count=1
t dd if=/dev/zero of=n bs=999 count=1
t dd if=/dev/zero of=n bs=1000 count=1
t dd if=/dev/zero of=n bs=1024 count=1
t dd if=/dev/zero of=n bs=1500 count=1
t dd if=/dev/zero of=n bs=1M count=64
t dd if=/dev/zero of=/dev/null bs=10M count=10 status=noxfer
t dd if=in count=0
t dd if=in bs=4 count=2
t dd if=in bs=4 skip=1
t dd if=in ibs=3 obs=5
t dd if=in ibs=5 obs=3 count=2
printf 'abc' | t dd bs=2
dd if=in status=none
echo status $?
dd if=in bs=5 status=none count=1; echo
dd if=in bs=1 skip=6 count=5 status=none; echo
dd if=in iseek=6B count=5B status=none; echo
dd if=in skip=6B count=5B status=none; echo
dd if=in bs=2x2 count=1 status=none; echo
dd if=in bs=1w count=1 status=none; echo
dd if=in bs=1c count=3 status=none; echo
