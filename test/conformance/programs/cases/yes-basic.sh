yes | head -n 3
yes a b | head -n 2
yes -- -n | head -n 2
yes '' | head -n 2 | od -c
yes x -y | head -n 1
yes | head -c 100000 | wc -c
yes -x
echo status $?
yes --x
echo status $?
trap '' PIPE; yes | head -n 1; echo status $?
