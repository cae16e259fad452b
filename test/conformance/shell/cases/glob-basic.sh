: > a.txt; : > b.txt; : > c.log; : > .hidden
echo *.txt
echo *
echo ?.log
echo [ab].txt
echo *.none
echo .*
echo .h*
