# A pipe whose reader is gone, with SIGPIPE ignored: EPIPE comes back as a write error. The
# reader closes its end and then says so through a fifo, so the writer never races it.
trap '' PIPE
printf 'a\nb\nc\n' > f; seq 100000 > big; mkfifo p
gone() { { read x < p; "$@"; echo "[$*] $?" >&2; } | { exec <&-; echo > p; }; }
for c in 'cat f' 'cksum f' 'cmp f big' 'env' 'expr 1 + 1' 'ls' 'md5sum f' 'nice' 'printenv HOME' 'sort f' 'tac big' \
  'head -n 50000 big' 'od big' 'base64 big' 'wc f' 'du f' 'echo hi' 'seq 100000' 'yes' 'tty' 'find .' \
  'watch -v'; do
  gone $c < f
done
gone tee < f
gone tee < big
gone tee -p out < big; wc -c < out
gone tee --output-error=warn out2 < big
