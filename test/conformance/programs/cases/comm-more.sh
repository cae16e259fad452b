printf 'a\nb\nb\nc\n' > d1
printf 'b\nc\nc\nd\n' > d2
comm d1 d2
comm -3 --output-delimiter=' | ' d1 d2
comm --total -3 d1 d2
printf 'A\na\nB\n' > c1
printf 'a\nb\n' > c2
comm c1 c2; echo "status $?"
comm --nocheck-order --total c1 c2; echo "status $?"
printf '\303\251\nz\n' > u1
printf 'z\n\303\251\n' > u2
comm u1 u2 | od -c; echo "status $?"
printf 'x\n' | comm - -; echo "status $?"
printf 'a b\na\n' > s1
printf 'a\na b\n' > s2
comm s1 s2; echo "status $?"
