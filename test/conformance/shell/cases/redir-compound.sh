{ echo a; echo b; } > f
while read l; do echo "[$l]"; done < f
for i in 1 2; do echo $i; done > f
while read l; do echo "<$l>"; done < f
if true; then echo yes; fi > f; read x < f; echo $x
{ echo x; } > nodir/x; echo $?
(echo sub) > nodir/x; echo $?
