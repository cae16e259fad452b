# procps, attr, ncurses and findutils tools on a full device (the test machine has no /proc:
# the tools that read it are tested in test/programs/procps).
: > f; mkdir d
for c in 'pgrep -c .' 'watch -v' '/bin/kill -l' 'find .' 'xargs echo' 'getfattr -d .'; do
  $c < f 2>&1 > /dev/full; echo "[$c] $?"
done
TERM=xterm clear > /dev/full; echo "clear $?"
clear > /dev/full; echo "clear without TERM $?"
