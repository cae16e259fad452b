# --help and --version to a full device: close_stdout's words with each tool's failure status.
for c in base64 cat cksum cmp du env expr ls md5sum nice nohup printenv sha256sum sort sum timeout tty wc find xargs \
  stat dd free ps pgrep uptime vmstat watch top lsns mount umount unshare nsenter getfattr setfattr; do
  $c --help 2>&1 > /dev/full; echo "[$c --help] $?"
done
for c in env ls sort expr wc md5sum cmp find free; do
  $c --version 2>&1 > /dev/full; echo "[$c --version] $?"
done
env '[' --help 2>&1 > /dev/full; echo "[ $?"
free -V 2>&1 > /dev/full; echo "free -V $?"
for c in unshare nsenter umount; do
  $c -V 2>&1 > /dev/full; echo "[$c -V] $?"
done
