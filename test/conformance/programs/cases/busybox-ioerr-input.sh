# busybox's applets given a directory or a closed standard input: sed and grep take the failed
# read for the end of the input, awk and tar die in their own words.
printf 'a\nb\nc\n' > f; mkdir dir
t() { eval "busybox $1"; echo "[$1] $?"; }
t 'sed p dir'
t 'sed p dir f'
t 'sed p <&-'
t 'awk 1 dir'
t 'awk 1 <&-'
t 'grep . dir'
t 'grep . dir f'
t 'grep . <&-'
t 'tar tf dir'
t 'sed p nosuch'
t 'grep . nosuch'
t 'gzip -c <&- | od -An -tx1'
