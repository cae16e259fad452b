# grep, sed, awk, tar, gzip and jq writing to a pipe whose reader is gone, SIGPIPE at its
# default: the writer dies of it (141) and says nothing.
printf 'a\nb\nc\n' > f; seq 20000 > big; mkfifo p
gzip -c big > big.gz; tar cf big.tar big
gone() { { read x < p; eval "$1"; echo "[$1] $?" >&2; } | { exec <&-; echo > p; }; }
gone 'grep . big'
gone 'sed p big'
gone 'awk 1 big'
gone 'sed p f'
gone 'awk 1 f'
gone 'tar xOf big.tar'
gone 'tar cf - big'
gone 'zcat big.gz'
gone "jq -n 'range(20000)'"
gone 'less big'
