i=0
while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done
while false; do :; done; echo $?
n=0; until [ $n -ge 2 ]; do echo u$n; n=$((n+1)); done
