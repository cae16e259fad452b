busybox sh -c 'ulimit -n 100; echo "status $?"; ulimit -n; ulimit -Hn; ulimit -Sn 50; ulimit -n; ulimit -Hn
ulimit -n 99999999; echo "status $?"; ulimit -Hn 60; ulimit -n; ulimit -Hn
ulimit -n abc; echo "status $?"'
busybox sh -c 'ulimit -c 10; ulimit -c; ulimit -Hc'
