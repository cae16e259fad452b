busybox | head -n 1
busybox | sed -n '2,10p'
busybox ls --help 2>&1 | head -n 1
busybox ls --nope 2>&1 | sed -n 2p
