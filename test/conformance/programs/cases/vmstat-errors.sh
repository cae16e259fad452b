vmstat -x 2>err; echo "status $?"; head -n 1 err
vmstat --bogus 2>err; echo "status $?"; head -n 1 err
vmstat --partition 2>err; echo "status $?"; head -n 1 err
vmstat -S x; echo "status $?"
vmstat -S 2>err; echo "status $?"; head -n 1 err
vmstat x; echo "status $?"
vmstat 0; echo "status $?"
vmstat 1 x; echo "status $?"
vmstat 1 2 3 2>/dev/null; echo "status $?"
vmstat -d -s 2>/dev/null; echo "status $?"
vmstat -V; echo "status $?"
vmstat --version; echo "status $?"
