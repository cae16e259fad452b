# busybox's applets writing to a full device: some die "write error", some say "standard
# output" and keep their status, many never look.
printf 'a\nb\nc\n' > f; printf 'a\nx\nc\n' > g; seq 100000 > big; seq 2 100001 > big2; mkdir dir
gzip -c big > big.gz; tar cf big.tar big
t() { eval "busybox $1" > /dev/full; echo "[$1] $?" >&2; }
for c in 'cat f' 'cat big' 'ls' 'echo hi' 'head -n1 f' 'head big' 'tail -n1 f' 'tail big' 'sort f' 'sort big' \
  'uniq f' 'wc -l f' 'cut -c1 f' 'tr a b < f' 'seq 3' 'seq 100000' 'od -c f' 'base64 f' 'md5sum f' 'sha256sum f' \
  'nl f' 'paste f g' 'fold f' 'basename /a/b' 'dirname /a/b' 'env' 'pwd' 'date -d @0 -u' 'uname -s' \
  'grep . f' 'grep . big' 'sed p f' 'sed p big' 'awk 1 f' 'awk 1 big' 'diff big big2' 'find dir' 'du -s dir' \
  'readlink -f f' 'realpath f' 'which sh' 'nproc' 'id -u' 'stat -c %s f' 'gzip -c big' 'zcat big.gz' \
  'tar cf - big' 'tar tf big.tar' 'tar xOf big.tar' '' '--list'; do
  t "$c"
done
