# Two lines of "user system" times, each as NmS.SSSSSSs (the values depend on the machine).
times | while read u s; do case "$u $s" in [0-9]*m[0-9]*.[0-9][0-9][0-9][0-9][0-9][0-9]s\ [0-9]*m[0-9]*.[0-9][0-9][0-9][0-9][0-9][0-9]s) echo format-ok;; *) echo "bad: $u $s";; esac; done
