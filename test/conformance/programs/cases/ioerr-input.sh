# Inputs that cannot be read: a directory, a missing file, a closed standard input.
printf 'b\na\nc\n' > f; mkdir d
for c in base64 cat cksum cut expand fold head join md5sum nl od paste sha256sum shuf sort split sum tac tail tsort \
  uniq unexpand wc; do
  case $c in cut) o=-c1;; join) o=f;; *) o=;; esac
  $c $o d 2>&1; echo "[$c d] $?"
  $c $o nofile 2>&1; echo "[$c nofile] $?"
done
tr a b < d 2>&1; echo "[tr < d] $?"
xargs echo < d 2>&1; echo "[xargs < d] $?"
for c in base64 cat cut expand fold head md5sum nl od paste sha1sum shuf sort split sum tac tail tr tee uniq unexpand wc \
  xargs dd; do
  case $c in cut) o=-c1;; tr) o='a b';; xargs) o=echo;; *) o=;; esac
  $c $o <&- 2>&1; echo "[$c <&-] $?"
done
