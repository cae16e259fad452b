// The commands cowbox has (test/programs/registry.test.ts checks each is a registered program).
// A package's executable whose command is in this set is installed as a program file naming it;
// one that is not is left out, so a missing tool says "not found" rather than running something
// that is not there.

const COREUTILS = `[ base64 basename cat chgrp chmod chown chroot cksum comm cp cut date dd df dirname du echo env
  expand expr factor false fold groups head id install join link ln ls md5sum mkdir mkfifo mknod
  mktemp mv nice nl nohup nproc od paste printenv pwd readlink realpath rm rmdir seq sha1sum
  sha224sum sha256sum sha384sum sha512sum shuf sleep sort split stat stty sum sync tac tail tee
  test timeout touch tr true truncate tsort tty uname unexpand uniq unlink wc whoami yes`;
const PROCPS = 'ps top kill pkill pgrep free uptime pidof vmstat watch';
const UTIL_LINUX = 'mount umount unshare nsenter lsns pivot_root dmesg';
const OTHERS = `sh dash bash find xargs grep egrep fgrep sed awk diff cmp tar gzip gunzip zcat getfattr setfattr
  apk apt-get apt dpkg dpkg-query yum dnf rpm httpd php-fpm nginx php strace stress tree less more
  jq which clear tput tset reset vim.tiny nano`;

export const COWBOX_COMMANDS: ReadonlySet<string> = new Set(
  [COREUTILS, PROCPS, UTIL_LINUX, OTHERS].join(' ').split(/\s+/).filter(Boolean),
);
