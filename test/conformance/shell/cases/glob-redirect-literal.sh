: > r1.txt; : > r2.txt
echo hi > *.txt
echo *
