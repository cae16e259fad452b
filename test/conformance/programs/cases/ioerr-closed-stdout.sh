# A standard output closed before the tool ran (>&-): EBADF. Tools that test ferror themselves
# still show the errno here, since their close fails too; util-linux's tools take it for no error.
printf 'b\na\nc\n' > f
for c in 'base64 f' 'cat f' 'cksum f' 'du f' 'md5sum f' 'sha1sum f' 'sum f' 'wc f' 'find .' 'ls' 'env' 'sort f' 'seq 3' \
  'head f' 'tac f' 'od f' 'expr 1 + 1' 'printenv HOME' 'env echo hi' 'xargs echo' 'tee' 'unshare -V' 'watch -v'; do
  $c < f 2>&1 >&-; echo "[$c] $?"
done
