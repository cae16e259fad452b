# Small outputs to a full device: the words and status each tool gives when its last flush fails.
printf 'a\nb\nc\n' > f; printf 'x\ny\n' > g; ln -s f l; : > f4; touch -d @1700000000 f g
for c in 'base64 f' 'basename /a/b' 'cat f' 'cksum f' 'chgrp -v root f' 'chmod -v 644 f' 'chown -v root f' \
  'cmp f g' 'comm f g' 'cp -v f f2' 'cut -c1 f' 'date -d @0 -u' 'dd if=f status=noxfer' 'dirname /a/b' \
  'du f' 'env echo hi' 'env' 'expr 1 + 1' 'expand f' 'factor 12' 'fold f' 'groups' 'head f' 'hostname' 'id' \
  'install -v f f3' 'join f f' 'ln -sv f l1' 'ls' 'mkdir -v d1' 'mktemp -u -p /tmp XXXXXX' 'md5sum f' 'mv -v f4 f5'; do
  $c 2>&1 > /dev/full; echo "[$c] $?"
done
