i=0
while [ $i -lt 2 ]; do i=$((i+1)); false; done; echo $?
while false; do :; done; echo $?
i=0; until [ $i -eq 1 ]; do i=1; (exit 6); done; echo $?
