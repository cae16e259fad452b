# grep, sed, awk, diff, tar, gzip and jq writing to a pipe whose reader is gone, SIGPIPE ignored:
# EPIPE is a write error in each tool's words. The reader closes its end and says so through a
# fifo, so the writer never races it.
trap '' PIPE
printf 'a\nb\nc\n' > f; printf 'a\nx\nc\n' > g; seq 100000 > big; seq 2 100001 > big2; mkfifo p
echo '{"a":[1,2,3]}' > j.json; gzip -c f > f.gz; tar cf a.tar f g
gone() { { read x < p; eval "$1"; echo "[$1] $?" >&2; } | { exec <&-; echo > p; }; }
gone 'grep . f'
gone 'grep . big'
gone 'grep -l . f'
gone 'sed p f'
gone 'sed p big'
gone 'awk 1 f'
gone 'awk 1 big'
gone "awk 'BEGIN { print \"x\"; system(\"\"); print \"after\" > \"/dev/stderr\" }'"
gone 'diff f g'
gone 'diff big big2'
gone 'tar cf - f'
gone 'tar tf a.tar'
gone 'tar tvf a.tar'
gone 'gzip -c f'
gone 'zcat f.gz'
gone 'gzip -l f.gz'
gone 'jq . j.json'
gone "jq -n 'range(100000)'"
gone 'tree .'
gone 'less big'
gone 'more big'
gone 'grep --help'
gone 'sed --version'
gone 'diff --help'
gone 'diff --version'
gone 'gzip --help'
gone 'jq --version'
gone 'more --help'
gone 'dmesg --help'
