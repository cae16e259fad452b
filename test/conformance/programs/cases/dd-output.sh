# dd's output file: truncated unless notrunc or seek, created unless nocreat, seek= and excl.
t() { "$@" 2>&1 | sed 's/, [0-9.e+-]* s, .*//'; }
printf '0123456789' > base
cp base f; printf 'ab' | dd of=f status=none; od -c f
cp base f; printf 'ab' | dd of=f conv=notrunc status=none; od -c f
cp base f; printf 'ab' | dd of=f seek=2 bs=1 status=none; od -c f
cp base f; printf 'ab' | dd of=f seek=2 bs=1 conv=notrunc status=none; od -c f
cp base f; printf 'ab' | dd of=f oseek=3B status=none; od -c f
printf 'ab' | dd of=new seek=1 status=none; od -c new | head -3; wc -c < new
t dd if=base of=nope conv=nocreat
t dd if=base of=base conv=excl
printf 'ab' | dd of=f oflag=append conv=notrunc status=none; od -c f
printf 'xyz' | dd of=sp bs=4 conv=sync status=none; od -c sp
dd if=/dev/zero of=sparse bs=1K count=4 conv=sparse status=none; wc -c < sparse
t dd if=base of=/dev/full
t dd if=base of=/dev/full bs=4
printf 'abc' | t dd of=/dev/null seek=1 bs=1 conv=fsync
printf 'abc' | t dd of=x conv=fdatasync
printf 'abc' | dd skip=1 bs=1 status=none; echo
printf 'abc' | t dd skip=5 bs=1
t dd if=base skip=5 bs=4
