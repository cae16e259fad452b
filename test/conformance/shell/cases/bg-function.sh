f() { echo in-bg-func > f.out; }
f &
wait
read x < f.out; echo $x
