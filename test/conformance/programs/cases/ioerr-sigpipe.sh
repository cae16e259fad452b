# A pipe whose reader is gone, with SIGPIPE at its default: the writer dies of it (141), silently;
# ps and top catch it and end with 0.
printf 'a\nb\nc\n' > f; seq 100000 > big; mkfifo p
gone() { { read x < p; "$@"; echo "[$*] $?" >&2; } | { exec <&-; echo > p; }; }
for c in 'cat f' 'sort f' 'ls' 'seq 100000' 'yes' 'tac big' 'od big' 'echo hi' 'env' 'tee' 'find .' \
  'watch -v'; do
  gone $c < f
done
