# Small outputs to a full device, the second half of coreutils.
printf 'a\nb\nc\n' > f; ln -s f l; : > f6; mkdir d2; touch -d @1700000000 f
for c in 'nice' 'nl f' 'nohup echo hi' 'nproc' 'od f' 'paste f f' 'printenv HOME' 'env pwd' 'readlink l' 'realpath f' \
  'rm -v f6' 'rmdir -v d2' 'seq 3' 'sha1sum f' 'sha224sum f' 'sha256sum f' 'sha384sum f' 'sha512sum f' 'shuf -i 1-1' \
  'sort f' 'split --verbose f sp' 'stat -c %n f' 'sum f' 'tac f' 'tail f' 'timeout 5 echo hi' 'tsort f' 'tty' \
  'uname' 'uniq f' 'unexpand f' 'wc f' 'whoami' 'env [ --help' 'xargs echo'; do
  $c < f 2>&1 > /dev/full; echo "[$c] $?"
done
tee < f > /dev/full; echo "tee $?"
tr a b < f > /dev/full; echo "tr $?"
printf 'a b\nb c\n' > t; tsort t > /dev/full; echo "tsort $?"
