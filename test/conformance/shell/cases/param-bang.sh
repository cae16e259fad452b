echo "[${!-none}]"
: &
case $! in ''|*[!0-9]*) echo bad;; *) echo pid;; esac
wait
