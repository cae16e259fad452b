echo single | { read a b; echo "[$a][$b]"; }
echo "" | { read a; echo "[$a]" $?; }
