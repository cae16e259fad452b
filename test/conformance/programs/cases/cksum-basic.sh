printf 'abc' > a
: > empty
printf 'xyz\n' > 'b c'
printf 'q' > 'n\l'
i=0; while [ $i -lt 3000 ]; do printf 'line %d of some text\n' $i; i=$((i+1)); done > big
cksum a empty 'b c' 'n\l' big
printf abc | cksum
printf abc | cksum -
printf abc | cksum - a
cksum -z a | od -c
cksum --tag a
cksum --untagged a
cksum -a crc a
mkdir d
cksum d; echo status $?
cksum nosuch a; echo status $?
