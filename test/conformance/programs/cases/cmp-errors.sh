printf 'abc' > c1
printf 'abd' > c2
cmp nosuch c1; echo status $?
cmp c1 nosuch; echo status $?
cmp -s nosuch c1; echo status $?
cmp c1; echo status $?
cmp; echo status $?
cmp -x c1 c2; echo status $?
cmp c1 c2 1 x; echo status $?
cmp c1 c2 c1 c2 c1; echo status $?
cmp -n x c1 c2; echo status $?
cmp -i -1 c1 c2; echo status $?
cmp -l -s c1 c2; echo status $?
cmp . c1; echo status $?
cmp c1 c2 1 1 extra; echo status $?
