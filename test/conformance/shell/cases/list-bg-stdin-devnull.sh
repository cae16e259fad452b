echo data | { read x & wait; echo "[$x]"; }
