watch 2>/dev/null; echo "status $?"
watch -x 2>/dev/null; echo "status $?"
watch -n x date; echo "status $?"
watch -y date 2>err; echo "status $?"; head -n 1 err
watch --bogus date 2>err; echo "status $?"; head -n 1 err
watch -v; echo "status $?"
watch date; echo "status $?"
watch -n 1 -t date; echo "status $?"
watch -q x date; echo "status $?"
watch -q 0 date; echo "status $?"
watch -n 0,5 date; echo "status $?"
watch -n 1x date; echo "status $?"
WATCH_INTERVAL=x watch date; echo "status $?"
WATCH_INTERVAL=0.3 watch date; echo "status $?"
