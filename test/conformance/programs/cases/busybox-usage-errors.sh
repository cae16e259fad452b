for cmd in 'grep' 'grep -j x' 'sed' 'sed --nope p' 'cat -z' 'cp' 'cp f' 'mv' 'rm' 'mkdir' 'touch' 'chmod' 'chmod 7' 'ln' 'head -n x' 'tail -n x' 'wc --nope' 'find -nope' 'xargs --nope' 'sort -y' 'uniq -y' 'cut' 'tr' 'env --nope' 'sleep x' 'date -y' 'id -y' 'uname -y' 'du -y' 'df -y' 'stat' 'gzip -y' 'kill' 'hostname -y' 'basename' 'dirname' 'seq' 'tee -y' 'readlink' 'rmdir'; do
  echo "== $cmd"
  busybox $cmd </dev/null 2>&1 >/dev/null | grep -v -e '^BusyBox v' -e '^$' | head -n 1
  busybox $cmd </dev/null >/dev/null 2>&1; echo "status $?"
done
