printf 'a b\nc d\n' > f
while read x y; do echo "$y $x"; done < f
n=0; while read l; do n=$((n+1)); done < f; echo $n
