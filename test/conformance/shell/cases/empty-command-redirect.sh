> empty.txt
echo *
< empty.txt; echo $?
2>&1; echo $?
