# sync: everything, or named files (-d data only, -f their filesystems), and its errors.
echo data > f
sync; echo "status $?"
sync f; echo "status $?"
sync -d f; echo "status $?"
sync -f f; echo "status $?"
sync --data --file-system f; echo "status $?"
sync -d; echo "status $?"
sync nope f; echo "status $?"
mkdir d; sync d; echo "status $?"
mkfifo p; sync p; echo "status $?"
sync /dev/null; echo "status $?"
sync -x; echo "status $?"
cat f
