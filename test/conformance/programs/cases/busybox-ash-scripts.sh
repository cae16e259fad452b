printf 'echo one\nnope\ncd /nope\nexit abc\n' > s1.sh
busybox sh s1.sh; echo "s1 $?"
printf 'echo a\nif true\n' > s2.sh
busybox sh s2.sh; echo "s2 $?"
printf 'echo a\n{ echo b; )\n' > s3.sh
busybox sh s3.sh; echo "s3 $?"
printf 'f() {\n  cd /in-f\n}\nf\neval "cd /in-eval"\n. ./inc.sh\nx=$(cd /in-sub)\necho done\n' > s4.sh
printf '\nnope_inc\ncd /in-inc\n' > inc.sh
busybox sh s4.sh; echo "s4 $?"
printf '#!/bin/busybox sh\necho "args $# $1"\nnope_x\n' > s5.sh
chmod +x s5.sh
./s5.sh a b; echo "s5 $?"
printf 'cd /a\n' | busybox sh; echo "stdin $?"
printf 'echo one\ncd /b\necho two\n' | busybox sh -s; echo "stdin -s $?"
busybox sh -c 'cat < /nope; echo "next $?"'; echo "status $?"
busybox sh -c 'echo a > /nope/x; echo "next $?"'; echo "status $?"
busybox sh -c 'mkdir d; echo a > d; echo "next $?"'; echo "status $?"
busybox sh -c 'echo > /nope/x; echo "next $?"'; echo "status $?"
busybox sh -c ': > /nope/x; echo "special $?"'; echo "special status $?"
busybox sh -c '{ echo; } > /nope/x; echo "group $?"'; echo "status $?"
busybox sh -c 'set -C; echo > f; echo > f; echo "noclobber $?"'; echo "status $?"
