printf 'abc\nxyz' > c1
printf 'abd\nxyq' > c2
printf 'abc' > c3
: > c4
printf 'abc\n' > d1
printf 'abc\nd' > d2
cmp c1 c2; echo status $?
cmp c1 c3; echo status $?
cmp c3 c1; echo status $?
cmp c1 c4; echo status $?
cmp c4 c1; echo status $?
cmp c1 c1; echo status $?
cmp c4 c4; echo status $?
cmp d1 d2; echo status $?
cmp d2 d1; echo status $?
cmp -s c1 c2; echo status $?
cmp -s c1 c3; echo status $?
cmp -l c1 c2; echo status $?
cmp -l c1 c3; echo status $?
cmp -b c1 c2
cmp -lb c1 c2
cmp --verbose c1 c2
cmp -i 3 c1 c2; echo status $?
cmp c1 c2 3 3; echo status $?
cmp -i 1:2 c1 c2; echo status $?
cmp c1 c2 0x1 0; echo status $?
cmp -n 2 c1 c2; echo status $?
cmp --bytes=0 c1 c2; echo status $?
cmp -n 2K c1 c2; echo status $?
cmp c1 - < c2
cmp - c1 < c4
printf '\n\n\na' > c5
printf '\n\n\nb' > c6
cmp c5 c6
printf '\200' > c7
printf '\201' > c8
cmp -b c7 c8
cmp -l c7 c8
cp_a=$(cat c1); printf '%s' "$cp_a" > 'a b'
cmp 'a b' c2
cmp c3 'a b'
i=0; while [ $i -lt 300 ]; do echo "line $i"; i=$((i+1)); done > s1
i=0; while [ $i -lt 300 ]; do if [ $i = 250 ]; then echo "lime $i"; else echo "line $i"; fi; i=$((i+1)); done > s2
cmp s1 s2
cmp -l s1 s2
