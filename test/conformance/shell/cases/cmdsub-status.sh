x=$(exit 3); echo $?
x=$(false) y=$(true); echo $?
echo $(exit 4); echo $?
x=$(exit 5) true; echo $?
