i=0
until false; do i=$((i+1)); [ $i -ge 3 ] && break; done; echo $i
