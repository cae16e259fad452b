printf 'a\nc\nb\n' > u
printf 'a\nb\nd\n' > s
comm u s; echo "status $?"
comm --check-order u s; echo "status $?"
comm --nocheck-order u s; echo "status $?"
comm u u; echo "status $?"
comm --check-order u u; echo "status $?"
printf 'b\na\n' > u2
comm s u2; echo "status $?"
comm u2 u; echo "status $?"
printf 'a\nb\nb\na\n' > dup
comm dup s; echo "status $?"
comm --check-order s dup; echo "status $?"
