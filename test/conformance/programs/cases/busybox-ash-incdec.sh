busybox sh -c 'i=1; echo $((i++)) $i $((++i)) $((i--)) $i $((--i)) $i'
busybox sh -c 'x=3; echo $((x++ + ++x)) $x; x=2; echo $((x+++x)) $x; x=2; echo $((x---x)) $x; x=2; echo $((- --x)) $x'
busybox sh -c 'echo $((++5)) $((-- 5)); x=1; echo $((x ++)) $(( ++ x ))'
busybox sh -c 'unset x; echo $((x++)) $x; x=abc; echo $((x++)) $x; x=-3; echo $((x++)) $x; x=" 4"; echo $((x++)) $x'
busybox sh -c 'x=9223372036854775807; echo $((x++)) $x'
busybox sh -c 'i=0; while [ $i -lt 3 ]; do : $((i++)); done; echo "loop $i"; let i++; echo $i; let ++i; echo $i; let x++ y++; echo "let $x $y $?"'
busybox sh -c 'echo $((1++))'; echo "num++ $?"
busybox sh -c 'echo $((3--))'; echo "num-- $?"
busybox sh -c 'x=1; echo $((x++1))'; echo "x++1 $?"
busybox sh -c 'x=1; echo $(( (x)++ ))'; echo "(x)++ $?"
busybox sh -c 'x=2; echo $((++x++))'; echo "++x++ $?"
busybox sh -c 'x=2; echo $((x++ = 3))'; echo "x++= $?"
busybox sh -c 'readonly r=1; echo $((r++))'; echo "readonly $?"
busybox sh -c 'x=5; y=x; echo $((y++)) $y; x="1+2"; echo $((x*3)); x=012; echo $((x)); x=0x1f; echo $((x))'
busybox sh -c 'x=y; y=x; echo $((x))'; echo "loop $?"
busybox sh -c 'x=1.5; echo $((x++))'; echo "1.5 $?"
busybox sh -c 'echo $((x=1, y=2)) $x $y; x=3; echo $((x+=1, x*2)) $(( (1,2) ))'
busybox sh -c 'echo $((1,))'; echo "comma $?"
busybox sh -c 'echo $((16#ff)) $((2#101)) $((36#z)) $((64#_)) $((64#@)) $((64#Z)) $((37#a)) $((16#)) $((10#08)) $((16#FFFFFFFFFFFFFFFFF))'
busybox sh -c 'echo $((1#1))'; echo "base 1 $?"
busybox sh -c 'echo $((65#1))'; echo "base 65 $?"
busybox sh -c 'echo $((16#fg))'; echo "bad digit $?"
busybox sh -c '((1+1))'; echo "double paren $?"
busybox sh -c 'for ((i=0;i<3;i++)); do echo $i; done'; echo "c for $?"
