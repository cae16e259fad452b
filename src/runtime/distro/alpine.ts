// Alpine Linux 3.20 (and 3.19, which differs in a few versions): the packages of the alpine
// image and of the main and community repositories that Dockerfiles reach for. Busybox provides
// the base commands as links to one binary; apk-tools runs the triggers of busybox (links for
// new commands) and ca-certificates (the certificate bundle). Sizes are KiB.

import { addFiles, amend, indexPackages, parseTable, type Catalog, type Pkg } from './types.ts';

// name|version|installed KiB|download KiB|repo|depends|summary|url|license|origin
const TABLE = `
alpine-baselayout|3.6.5-r0|13|8|main|alpine-baselayout-data busybox-binsh|Alpine base dir structure and init scripts|https://git.alpinelinux.org/cgit/aports/tree/main/alpine-baselayout|GPL-2.0-only|alpine-baselayout
alpine-baselayout-data|3.6.5-r0|18|11|main||Alpine base dir structure and init scripts|https://git.alpinelinux.org/cgit/aports/tree/main/alpine-baselayout|GPL-2.0-only|alpine-baselayout
alpine-keys|2.4-r1|156|13|main||Public keys for Alpine Linux packages|https://alpinelinux.org|MIT|alpine-keys
apk-tools|2.14.4-r1|253|119|main|musl ca-certificates-bundle libcrypto3 libssl3 zlib|Alpine Package Keeper - package manager for alpine|https://gitlab.alpinelinux.org/alpine/apk-tools|GPL-2.0-only|apk-tools
busybox|1.36.1-r29|934|496|main|musl|Size optimized toolbox of many common UNIX utilities|https://busybox.net/|GPL-2.0-only|busybox
busybox-binsh|1.36.1-r29|1|2|main|busybox|busybox ash /bin/sh|https://busybox.net/|GPL-2.0-only|busybox
ca-certificates-bundle|20240705-r0|226|130|main||Pre generated bundle of Mozilla certificates|https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/|MPL-2.0 AND MIT|ca-certificates
libcrypto3|3.3.2-r1|4720|1734|main|musl|Crypto library from openssl|https://www.openssl.org/|Apache-2.0|openssl
libssl3|3.3.2-r1|784|348|main|libcrypto3 musl|SSL shared libraries|https://www.openssl.org/|Apache-2.0|openssl
musl|1.2.5-r0|640|403|main||the musl c library (libc) implementation|https://musl.libc.org/|MIT|musl
musl-utils|1.2.5-r0|141|37|main|scanelf musl|the musl c library (libc) implementation|https://musl.libc.org/|MIT AND BSD-2-Clause AND GPL-2.0-or-later|musl
scanelf|1.3.7-r2|99|39|main|musl|Scan ELF binaries for stuff|https://wiki.gentoo.org/wiki/Hardened/PaX_Utilities|GPL-2.0-only|pax-utils
ssl_client|1.36.1-r29|14|5|main|libcrypto3 libssl3 musl|EXternal ssl_client for busybox wget|https://busybox.net/|GPL-2.0-only|busybox
zlib|1.3.1-r1|100|53|main|musl|A compression/decompression Library|https://zlib.net/|Zlib|zlib
# --- what a Dockerfile adds ---
libc-utils|0.7.2-r5|4|1|main|musl-utils|Meta package to pull in correct libc|https://alpinelinux.org|BSD-2-Clause AND BSD-3-Clause|libc-dev
ca-certificates|20240705-r0|681|238|main|busybox libcrypto3|Common CA certificates PEM files from Mozilla|https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/|MPL-2.0 AND MIT|ca-certificates
curl|8.11.1-r0|252|153|main|ca-certificates libcurl musl zlib|URL retrival utility and library|https://curl.se/|curl|curl
libcurl|8.11.1-r0|729|395|main|brotli-libs c-ares libidn2 libpsl libssl3 libcrypto3 nghttp2-libs zlib zstd-libs musl|The multiprotocol file transfer library|https://curl.se/|curl|curl
brotli-libs|1.1.0-r2|717|339|main|musl|Generic lossless compressor (libraries)|https://github.com/google/brotli|MIT|brotli
c-ares|1.33.1-r0|214|98|main|musl|Asynchronous DNS/names resolver library|https://c-ares.org/|MIT|c-ares
libidn2|2.3.7-r0|146|58|main|libunistring musl|Encodes/Decodes internationalized domain names|https://www.gnu.org/software/libidn#libidn2|GPL-2.0-or-later OR LGPL-3.0-or-later|libidn2
libunistring|1.2-r0|1737|545|main|musl|Library for manipulating Unicode strings and C strings|https://www.gnu.org/software/libunistring/|GPL-2.0-or-later OR LGPL-3.0-or-later|libunistring
libpsl|0.21.5-r1|61|24|main|libidn2 libunistring musl|C library for the Publix Suffix List|https://rockdaboot.github.io/libpsl|MIT|libpsl
nghttp2-libs|1.62.1-r0|168|75|main|musl|Experimental HTTP/2 client, server and proxy (libraries)|https://nghttp2.org|MIT|nghttp2
zstd-libs|1.5.6-r0|804|298|main|musl|Zstandard - Fast real-time compression algorithm (libraries)|https://www.zstd.net|BSD-3-Clause OR GPL-2.0-or-later|zstd
wget|1.24.5-r0|528|231|main|libidn2 libunistring libssl3 libcrypto3 pcre2 zlib musl|Network utility to retrieve files from the Web|https://www.gnu.org/software/wget/wget.html|GPL-3.0-or-later WITH OpenSSL-Exception|wget
pcre2|10.43-r0|705|279|main|musl|Perl-compatible regular expression library|https://pcre.org/|BSD-3-Clause|pcre2
pcre|8.45-r3|357|165|main|musl|Perl-compatible regular expression library|https://pcre.org/|BSD-3-Clause|pcre
procps-ng|4.0.4-r0|774|314|main|libproc2 ncurses-libs musl|Utilities for monitoring your system and processes on your system|https://gitlab.com/procps-ng/procps|GPL-2.0-or-later AND LGPL-2.0-or-later|procps-ng
libproc2|4.0.4-r0|97|48|main|musl|Library for monitoring system and processes|https://gitlab.com/procps-ng/procps|GPL-2.0-or-later AND LGPL-2.0-or-later|procps-ng
ncurses-terminfo-base|6.4_p20240420-r2|29|21|main||Descriptions of common terminals|https://invisible-island.net/ncurses/|X11|ncurses
libncursesw|6.4_p20240420-r2|377|148|main|ncurses-terminfo-base musl|Console display library (libncursesw)|https://invisible-island.net/ncurses/|X11|ncurses
ncurses-libs|6.4_p20240420-r2|0|1|main|libncursesw|Console display library|https://invisible-island.net/ncurses/|X11|ncurses
iproute2|6.9.0-r0|1196|463|main|iproute2-minimal iproute2-tc iproute2-ss|IP Routing Utilities|https://wiki.linuxfoundation.org/networking/iproute2|GPL-2.0-or-later|iproute2
iproute2-minimal|6.9.0-r0|654|268|main|libcap2 libelf libmnl musl|IP Routing Utilities (/sbin/ip only)|https://wiki.linuxfoundation.org/networking/iproute2|GPL-2.0-or-later|iproute2
iproute2-tc|6.9.0-r0|535|213|main|libelf libmnl musl|IP Routing Utilities (traffic control)|https://wiki.linuxfoundation.org/networking/iproute2|GPL-2.0-or-later|iproute2
iproute2-ss|6.9.0-r0|201|85|main|libmnl musl|IP Routing Utilities (socket statistics)|https://wiki.linuxfoundation.org/networking/iproute2|GPL-2.0-or-later|iproute2
libcap2|2.70-r0|57|25|main|musl|POSIX 1003.1e capabilities (libcap)|https://sites.google.com/site/fullycapable/|BSD-3-Clause OR GPL-2.0-only|libcap
libelf|0.191-r0|122|61|main|zlib zstd-libs musl|libelf from elfutils|http://elfutils.org/|GPL-3.0-or-later AND (GPL-2.0-or-later OR LGPL-3.0-or-later)|elfutils
libmnl|1.0.5-r2|37|13|main|musl|Library for minimalistic netlink|https://www.netfilter.org/projects/libmnl/|LGPL-2.1-or-later|libmnl
python3|3.12.8-r1|40200|11520|main|libbz2 libexpat libffi gdbm mpdecimal libncursesw libpanelw readline sqlite-libs xz-libs zlib musl|A high-level scripting language|https://www.python.org/|PSF-2.0|python3
libbz2|1.0.8-r6|82|29|main|musl|Shared library for bz2|https://sourceware.org/bzip2/|bzip2-1.0.6|bzip2
libexpat|2.6.4-r0|185|70|main|musl|XML Parser library written in C|https://libexpat.github.io/|MIT|expat
libffi|3.4.6-r0|51|23|main|musl|portable, high level programming interface to various calling conventions|https://sourceware.org/libffi/|MIT|libffi
gdbm|1.23-r1|209|90|main|musl|GNU dbm is a set of database routines that use extensible hashing|https://www.gnu.org/software/gdbm/|GPL-3.0-or-later|gdbm
mpdecimal|4.0.0-r0|193|89|main|musl|complete implementation of the General Decimal Arithmetic Specification|https://www.bytereef.org/mpdecimal/|BSD-2-Clause|mpdecimal
libpanelw|6.4_p20240420-r2|13|7|main|libncursesw musl|Console display library (libpanelw)|https://invisible-island.net/ncurses/|X11|ncurses
readline|8.2.10-r0|265|117|main|libncursesw musl|GNU readline library|https://tiswww.cwru.edu/php/chet/readline/rltop.html|GPL-3.0-or-later|readline
sqlite-libs|3.45.3-r1|1465|617|main|musl|Sqlite3 library|https://www.sqlite.org/|blessing|sqlite
xz-libs|5.6.2-r0|229|97|main|musl|Library and CLI tools for XZ and LZMA compressed files (libraries)|https://tukaani.org/xz|0BSD AND GPL-2.0-or-later AND LGPL-2.1-or-later|xz
git|2.45.2-r0|13640|4690|main|ca-certificates libcurl libexpat pcre2 zlib musl|Distributed version control system|https://www.git-scm.com/|GPL-2.0-or-later|git
tree|2.1.1-r0|80|33|main|musl|A recursive directory indexer|https://oldmanprogrammer.net/source.php?dir=projects/tree|GPL-2.0-or-later|tree
vim|9.1.0707-r0|3584|1583|main|xxd libncursesw musl|Improved vi-style text editor|https://www.vim.org/|Vim|vim
xxd|9.1.0707-r0|28|15|main|musl|Hexdump utility from vim|https://www.vim.org/|Vim|vim
less|643-r2|309|131|main|libncursesw musl|File pager|https://www.greenwoodsoftware.com/less/|GPL-3.0-or-later OR BSD-2-Clause|less
jq|1.7.1-r0|333|131|main|oniguruma musl|A lightweight and flexible command-line JSON processor|https://jqlang.github.io/jq/|MIT|jq
oniguruma|6.9.9-r0|593|189|main|musl|a regular expressions library|https://github.com/kkos/oniguruma|BSD-2-Clause|oniguruma
bash|5.2.26-r0|1203|444|main|readline musl|The GNU Bourne Again shell|https://www.gnu.org/software/bash/bash.html|GPL-3.0-or-later|bash
nginx|1.26.2-r0|1258|651|main|pcre libssl3 libcrypto3 zlib musl|HTTP and reverse proxy server (stable version)|https://www.nginx.org/|BSD-2-Clause|nginx
php83|8.3.14-r0|5350|1830|community|php83-common argon2-libs libxml2 pcre2 zlib musl|The PHP 8.3 language runtime engine|https://www.php.net/|PHP-3.01 AND BSD-3-Clause AND LGPL-2.0-or-later AND MIT AND Zend-2.0|php83
php83-common|8.3.14-r0|66|19|community||PHP 8.3 common files|https://www.php.net/|PHP-3.01|php83
php83-fpm|8.3.14-r0|5450|1870|community|php83-common argon2-libs libxml2 pcre2 zlib musl|PHP 8.3 FastCGI Process Manager (FPM)|https://www.php.net/|PHP-3.01 AND BSD-3-Clause AND LGPL-2.0-or-later AND MIT AND Zend-2.0|php83
argon2-libs|20190702-r5|61|25|main|musl|The password hash Argon2, winner of PHC (libraries)|https://github.com/P-H-C/phc-winner-argon2|Apache-2.0 OR CC0-1.0|argon2
libxml2|2.12.7-r0|1334|690|main|xz-libs zlib musl|XML parsing library, version 2|https://gitlab.gnome.org/GNOME/libxml2|MIT|libxml2
`;

const CONF: Record<string, string> = {
  '/etc/alpine-release': '3.20.3\n',
  '/etc/os-release': 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n',
  '/etc/apk/repositories': 'https://dl-cdn.alpinelinux.org/alpine/v3.20/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.20/community\n',
  '/etc/passwd': [
    'root:x:0:0:root:/root:/bin/sh', 'bin:x:1:1:bin:/bin:/sbin/nologin', 'daemon:x:2:2:daemon:/sbin:/sbin/nologin',
    'lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin', 'sync:x:5:0:sync:/sbin:/bin/sync', 'shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown',
    'halt:x:7:0:halt:/sbin:/sbin/halt', 'mail:x:8:12:mail:/var/mail:/sbin/nologin', 'news:x:9:13:news:/usr/lib/news:/sbin/nologin',
    'uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin', 'cron:x:16:16:cron:/var/spool/cron:/sbin/nologin',
    'ftp:x:21:21::/var/lib/ftp:/sbin/nologin', 'sshd:x:22:22:sshd:/dev/null:/sbin/nologin', 'games:x:35:35:games:/usr/games:/sbin/nologin',
    'ntp:x:123:123:NTP:/var/empty:/sbin/nologin', 'guest:x:405:100:guest:/dev/null:/sbin/nologin', 'nobody:x:65534:65534:nobody:/:/sbin/nologin', '',
  ].join('\n'),
  '/etc/group': [
    'root:x:0:root', 'bin:x:1:root,bin,daemon', 'daemon:x:2:root,bin,daemon', 'sys:x:3:root,bin', 'adm:x:4:root,daemon', 'tty:x:5:',
    'disk:x:6:root', 'lp:x:7:lp', 'kmem:x:9:', 'wheel:x:10:root', 'floppy:x:11:root', 'mail:x:12:mail', 'news:x:13:news',
    'uucp:x:14:uucp', 'cron:x:16:cron', 'audio:x:18:', 'cdrom:x:19:', 'dialout:x:20:root', 'ftp:x:21:', 'sshd:x:22:', 'input:x:23:',
    'tape:x:26:root', 'video:x:27:root', 'netdev:x:28:', 'kvm:x:34:kvm', 'games:x:35:', 'shadow:x:42:', 'www-data:x:82:',
    'users:x:100:games', 'ntp:x:123:', 'abuild:x:300:', 'utmp:x:406:', 'ping:x:999:', 'nogroup:x:65533:', 'nobody:x:65534:', '',
  ].join('\n'),
  '/etc/hosts': '127.0.0.1\tlocalhost localhost.localdomain\n::1\t\tlocalhost localhost.localdomain\n',
  '/etc/shells': '# valid login shells\n/bin/sh\n/bin/ash\n',
  '/etc/profile': 'export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\n\nexport PAGER=less\numask 022\n\n# use nicer PS1 for bash and busybox ash\nif [ -n "$BASH_VERSION" -o "$BB_ASH_VERSION" ]; then\n\tPS1=\'\\h:\\w\\$ \'\nelse\n\tPS1="${HOSTNAME%%.*}:\\$PWD"\n\t[ "$(id -u)" -eq 0 ] && PS1="${PS1}# " || PS1="${PS1}\\$ "\nfi\n\nfor script in /etc/profile.d/*.sh ; do\n\tif [ -r "$script" ] ; then\n\t\t. "$script"\n\tfi\ndone\nunset script\n',
  '/etc/nginx/nginx.conf': [
    '# /etc/nginx/nginx.conf', '', 'user nginx;', '', '# Set number of worker processes automatically based on number of CPU cores.',
    'worker_processes auto;', '', '# Enables the use of JIT for regular expressions to speed-up their processing.', 'pcre_jit on;', '',
    '# Configures default error logger.', 'error_log /var/log/nginx/error.log warn;', '',
    '# Includes files with directives to load dynamic modules.', 'include /etc/nginx/modules/*.conf;', '',
    '# Include files with config snippets into the root context.', 'include /etc/nginx/conf.d/*.conf;', '',
    'events {', '\t# The maximum number of simultaneous connections that can be opened by', '\t# a worker process.', '\tworker_connections 1024;', '}', '',
    'http {', '\t# Includes mapping of file name extensions to MIME types of responses', '\t# and defines the default type.',
    '\tinclude /etc/nginx/mime.types;', '\tdefault_type application/octet-stream;', '',
    '\t# Don\'t tell nginx version to the clients. Default is \'on\'.', '\tserver_tokens off;', '',
    '\t# Specifies the maximum accepted body size of a client request.', '\tclient_max_body_size 1m;', '',
    '\t# Sendfile copies data between one FD and other from within the kernel.', '\tsendfile on;', '',
    '\t# Causes nginx to attempt to send its HTTP response head in one packet,', '\ttcp_nopush on;', '',
    '\t# Specifies the main log format.', '\tlog_format main \'$remote_addr - $remote_user [$time_local] "$request" \'',
    '\t\t\t\'$status $body_bytes_sent "$http_referer" \'', '\t\t\t\'"$http_user_agent" "$http_x_forwarded_for"\';', '',
    '\t# Sets the path, format, and configuration for a buffered log write.', '\taccess_log /var/log/nginx/access.log main;', '',
    '\t# Includes virtual hosts configs.', '\tinclude /etc/nginx/http.d/*.conf;', '}', '',
  ].join('\n'),
  '/etc/nginx/http.d/default.conf': '# This is a default site configuration which will simply return 404, preventing\n# chance access to any other virtualhost.\n\nserver {\n\tlisten 80 default_server;\n\tlisten [::]:80 default_server;\n\n\t# Everything is a 404\n\tlocation / {\n\t\treturn 404;\n\t}\n\n\t# You may need this to prevent return 404 recursion.\n\tlocation = /404.html {\n\t\tinternal;\n\t}\n}\n',
  '/etc/nginx/mime.types': 'types {\n    text/html                                        html htm shtml;\n    text/css                                         css;\n    image/gif                                        gif;\n    image/jpeg                                       jpeg jpg;\n    application/javascript                           js;\n    text/plain                                       txt;\n    image/png                                        png;\n    application/json                                 json;\n}\n',
  '/etc/php83/php-fpm.conf': '[global]\n;pid = run/php-fpm83.pid\nerror_log = /var/log/php83/error.log\n;daemonize = yes\n\ninclude=/etc/php83/php-fpm.d/*.conf\n',
  '/etc/php83/php-fpm.d/www.conf': '[www]\nuser = nobody\ngroup = nobody\nlisten = 127.0.0.1:9000\npm = dynamic\npm.max_children = 5\npm.start_servers = 2\npm.min_spare_servers = 1\npm.max_spare_servers = 3\n',
  '/etc/php83/php.ini': '[PHP]\nengine = On\nshort_open_tag = Off\nmemory_limit = 128M\ndisplay_errors = Off\nlog_errors = On\n',
};

export const BUSYBOX = `ash cat chgrp chmod chown cp date dd df dmesg echo false grep egrep fgrep gunzip gzip kill ln ls mkdir mknod mktemp more
  mount mv pidof ps pwd rm rmdir sed sh sleep stty sync tar touch true umount uname vi zcat`.split(/\s+/).filter(Boolean);
export const BUSYBOX_USR = `[ awk basename clear cmp cut diff dirname du env expr find free head id install less nohup nproc od pgrep pkill printf
  readlink realpath reset seq sort stat tail tee test timeout top tr truncate uniq unshare nsenter uptime wc which whoami xargs yes`.split(/\s+/).filter(Boolean);

const FILES: Record<string, string> = {
  'alpine-baselayout': `d /bin
    d /sbin
    d /usr/bin
    d /usr/sbin
    d /usr/lib
    d /usr/local/bin
    d /usr/share
    d /etc
    d /etc/apk
    d /home
    d /root 700
    d /tmp 1777
    d /var/tmp 1777
    d /var/log
    d /var/cache
    d /var/lib
    d /run
    l /var/run ../run
    d /opt
    d /srv
    d /mnt
    d /media
    c /etc/profile
    f /etc/shells`,
  'alpine-baselayout-data': 'f /etc/passwd\nf /etc/group\nf /etc/hosts\nf /etc/os-release\nf /etc/alpine-release',
  busybox: `g /bin/busybox
    ${BUSYBOX.map((c) => `x /bin/${c} ${c}`).join('\n')}
    ${BUSYBOX_USR.map((c) => `x /usr/bin/${c} ${c}`).join('\n')}`,
  'busybox-binsh': 'l /bin/sh busybox',
  'apk-tools': 'x /sbin/apk apk\nf /etc/apk/repositories\nd /lib/apk/db\nd /var/cache/apk',
  'ca-certificates-bundle': 'g /etc/ssl/certs/ca-certificates.crt',
  'ca-certificates': 'g /usr/share/ca-certificates/mozilla/ca-bundle.pem 3\ng /usr/sbin/update-ca-certificates 1',
  libcrypto3: 'g /usr/lib/libcrypto.so.3',
  libssl3: 'g /usr/lib/libssl.so.3',
  musl: 'g /lib/ld-musl-x86_64.so.1\nl /lib/libc.musl-x86_64.so.1 ld-musl-x86_64.so.1',
  zlib: 'g /usr/lib/libz.so.1.3.1\nl /usr/lib/libz.so.1 libz.so.1.3.1',
  curl: 's /usr/bin/curl curl 8.11.1',
  wget: 's /usr/bin/wget wget 1.24.5',
  'procps-ng': ['ps', 'top', 'kill', 'pkill', 'pgrep', 'free', 'uptime', 'pidof', 'watch', 'vmstat'].map((c) => `x /usr/bin/${c} ${c}`).join('\n'),
  'iproute2-minimal': 's /sbin/ip ip 6.9.0',
  python3: 's /usr/bin/python3.12 python3 3.12.8\nl /usr/bin/python3 python3.12\ng /usr/lib/python3.12/lib-dynload/_ssl.cpython-312-x86_64-linux-musl.so 1\ng /usr/lib/libpython3.12.so.1.0 3\ng /usr/lib/python3.12/__pycache__/os.cpython-312.pyc 8',
  git: 's /usr/bin/git git 2.45.2\ng /usr/libexec/git-core/git-remote-http 1',
  tree: 'x /usr/bin/tree tree',
  vim: 'x /usr/bin/vim vim.tiny\nl /usr/bin/vi vim',
  less: 'x /usr/bin/less less',
  jq: 'x /usr/bin/jq jq',
  bash: 'x /bin/bash bash\nd /etc/bash',
  nginx: `x /usr/sbin/nginx nginx
    c /etc/nginx/nginx.conf
    c /etc/nginx/http.d/default.conf
    c /etc/nginx/mime.types
    d /etc/nginx/modules
    d /etc/nginx/conf.d
    d /var/lib/nginx 750 nginx:nginx
    d /var/lib/nginx/html
    d /var/log/nginx 750 nginx:nginx
    l /var/lib/nginx/logs ../../log/nginx
    d /run/nginx 750 nginx:nginx`,
  php83: 'x /usr/bin/php83 php\nl /usr/bin/php php83\nc /etc/php83/php.ini\nd /etc/php83/conf.d',
  'php83-fpm': 'x /usr/sbin/php-fpm83 php-fpm\nc /etc/php83/php-fpm.conf\nc /etc/php83/php-fpm.d/www.conf\nd /var/log/php83',
};

function build(id: string, release: string, changes: Record<string, string>, base: string[]): Catalog {
  const list = parseTable(TABLE, ['name', 'version', 'isizeK', 'dsizeK', 'repo', 'depends', 'summary', 'url', 'license', 'section'], { arch: 'x86_64', maintainer: 'Natanael Copa <ncopa@alpinelinux.org>' });
  for (const p of list) if (changes[p.name]) p.version = changes[p.name]!;
  const packages = indexPackages(list.map((p: Pkg) => ({ ...p, arch: ['alpine-baselayout-data', 'alpine-keys', 'ca-certificates-bundle', 'php83-common'].includes(p.name) ? 'noarch' : p.arch })));
  addFiles(packages, FILES);
  amend(packages, 'busybox', { triggers: ['/bin', '/usr/bin', '/sbin', '/usr/sbin', '/lib/modules'] });
  amend(packages, 'ca-certificates', { triggers: ['/usr/share/ca-certificates', '/usr/local/share/ca-certificates', '/etc/ssl/certs'] });
  amend(packages, 'nginx', { users: ['nginx:x:100:101:nginx:/var/lib/nginx:/sbin/nologin'], groups: ['nginx:x:101:nginx'] });
  const conf = { ...CONF };
  conf['/etc/alpine-release'] = `${release}\n`;
  conf['/etc/os-release'] = CONF['/etc/os-release']!.replace(/3\.20\.3/g, release).replace('v3.20', `v${release.slice(0, 4)}`);
  conf['/etc/apk/repositories'] = CONF['/etc/apk/repositories']!.replace(/v3\.20/g, `v${release.slice(0, 4)}`);
  return {
    family: 'apk', id, packages, conf, base, modules: {},
    provides: new Map([['php', 'php83'], ['php-fpm', 'php83-fpm'], ['php-cli', 'php83'], ['php-common', 'php83-common'], ['procps', 'procps-ng'], ['ps', 'procps-ng'], ['vim-tiny', 'vim'], ['iproute', 'iproute2'], ['/bin/sh', 'busybox-binsh']]),
  };
}

const BASE_320 = ['alpine-baselayout', 'alpine-baselayout-data', 'alpine-keys', 'apk-tools', 'busybox', 'busybox-binsh', 'ca-certificates-bundle',
  'libcrypto3', 'libssl3', 'musl', 'musl-utils', 'scanelf', 'ssl_client', 'zlib'];

export const ALPINE_320 = build('alpine-3.20', '3.20.3', {}, BASE_320);

export const ALPINE_319 = build('alpine-3.19', '3.19.4', {
  'alpine-baselayout': '3.4.3-r2', 'alpine-baselayout-data': '3.4.3-r2', 'apk-tools': '2.14.4-r0', busybox: '1.36.1-r20',
  'busybox-binsh': '1.36.1-r20', ssl_client: '1.36.1-r20', 'ca-certificates-bundle': '20240226-r0', 'ca-certificates': '20240226-r0',
  libcrypto3: '3.1.7-r1', libssl3: '3.1.7-r1', musl: '1.2.4_git20230717-r4', 'musl-utils': '1.2.4_git20230717-r4', zlib: '1.3.1-r0',
  curl: '8.11.1-r0', libcurl: '8.11.1-r0', git: '2.43.5-r0', python3: '3.11.11-r0', nginx: '1.24.0-r16', bash: '5.2.21-r0', jq: '1.7.1-r0',
  'procps-ng': '4.0.4-r0', tree: '2.1.1-r0', less: '643-r1', vim: '9.0.2127-r0', php83: '8.3.14-r0', 'php83-fpm': '8.3.14-r0',
}, [...BASE_320, 'libc-utils']);
