ulimit -n 100
echo "status $?"
ulimit -n
ulimit -Hn
ulimit -Sn 50
ulimit -n
ulimit -Hn
ulimit -n 200000000
echo "status $?"
ulimit -n abc
echo "status $?"
ulimit -t 5 -n 3
echo "status $?"
ulimit -Hs 100000
ulimit -Hs
ulimit -s
ulimit -c unlimited
ulimit -c
(ulimit -n 20; ulimit -n)
ulimit -n
