busybox sh -c 'x=hello; echo "[${x: -2}] [${x: -10}] [${x:1:-1}] [${x:10}] [${x:2:100}] [${x:1}] [${x:0:0}] [${x:(1+1):2}] [${x::2}]"'
busybox sh -c 'x=abc; echo ${x:1:-5}; n=1; echo ${x:n} ${x:$n:1}'
busybox sh -c 'x=hello; echo "[${x/l/L}] [${x//l/L}] [${x//?/.}] [${x/x/y}] [${x/l*/Z}] [${x/h*l/Z}] [${x/#h/H}]"'
busybox sh -c 'x=hello; echo "[${x/l}]"; echo "[${x//l}]"; echo "[${x/*/Z}]"'
busybox sh -c 'x="a b c"; y=${x// /_}; echo $y; echo "${x/b/"q r"}"; p=b; echo ${x/$p/B}; echo "${x/[ab]/X}"; echo ${x/"a b"/AB}'
busybox sh -c 'f=/usr/local/bin/tool.tar.gz; echo ${f//\//:} ${f/.tar.gz/.zip} ${PATH//:/ }'
busybox sh -c 'x=hello; echo ${x:-dflt} ${u:-dflt} ${x:=q}'
busybox sh -c 'echo $((2**10)) $((2**3**2)) $((-2**2)) $((2**0))' 2>&1 | head -n 1
busybox sh -c 'echo $((2**-1))'; echo "power $?"
busybox sh -c 'let x=2**3 y="x*2"; echo $x $y; let 0; echo "let0 $?"; let 5; echo "let5 $?"'
busybox sh -c 'let'; echo "let $?"
busybox sh -c 'let "1/0"'; echo "let $?"
busybox sh -c "echo \$'a\\tb\\x41\\101\\e[0m|\\'q\\'|\\\\|\\z'"
busybox sh -c "x=\$'line1\\nline2'; echo \"\$x\"; echo \"\$'not in quotes'\""
busybox sh -c "echo \$'[\\\"] [\\?] [\\cA] [\\E] [\\0101] [\\8]'"
