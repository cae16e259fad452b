f() { break; }
for i in 1 2; do f; echo $i; done
