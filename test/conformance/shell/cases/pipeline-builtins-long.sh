i=0
while [ $i -lt 50 ]; do echo $i; i=$((i+1)); done | { s=0; while read n; do s=$((s+n)); done; echo $s; }
