busybox sh -c 'kill'; echo "kill $?"
busybox sh -c 'kill -9'; echo "kill $?"
busybox sh -c 'kill abc'; echo "kill $?"
busybox sh -c 'kill -QQ 1'; echo "kill $?"
busybox sh -c 'kill -s'; echo "kill $?"
busybox sh -c 'kill -l 9; kill -l KILL; kill -l 137; kill -l QQ'; echo "kill -l $?"
busybox sh -c 'kill -l' | head -n 3
busybox sh -c 'kill -l' | wc -l
busybox sh -c 'kill -0 $$; echo "self $?"'
busybox sh -c 'kill %5'; echo "kill job $?"
busybox sh -c 'sleep 10 & kill %1; wait; echo "waited $?"'
busybox sh -c 'trap "" NOPE; echo "trap $?"'
busybox sh -c 'trap -l'; echo "trap $?"
busybox sh -c 'trap "echo caught" USR1; kill -USR1 $$; trap'
busybox sh -c 'umask 888'; echo "umask $?"
busybox sh -c 'umask u=rwx,g=q'; echo "umask $?"
