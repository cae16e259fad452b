for i in a b c; do echo $i; done
for i in; do echo never; done; echo $?
for i in "x y" z; do echo "[$i]"; done
set -- p q; for i; do echo $i; done
for i do echo d$i; done
