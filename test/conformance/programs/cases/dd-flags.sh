# dd's input and output flags, and reads that come in pieces from a pipe.
t() { "$@" 2>&1 | sed 's/, [0-9.e+-]* s, .*//'; }
printf 'hello' > f
mkdir d
ln -s f s
t dd if=f of=d
t dd if=f iflag=directory
t dd if=f of=s oflag=nofollow
t dd if=s iflag=nofollow
t dd if=d iflag=directory count=1
(printf a; sleep 0.2; printf b) | dd bs=2 count=1 iflag=fullblock status=none; echo
(printf a; sleep 0.2; printf b; sleep 0.2; printf c) | t dd bs=2 count=3
(printf a; sleep 0.2; printf b; sleep 0.2; printf c) | t dd bs=2 count=3 status=none
(printf a; sleep 0.2; printf bc) | t dd ibs=2 obs=4
t dd if=f of=out iflag=noatime,nonblock oflag=dsync,sync,noctty
cat out; echo
t dd if=f bs=2 skip=1 count=1 iflag=count_bytes
