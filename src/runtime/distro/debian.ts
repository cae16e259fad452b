// Debian 12 "bookworm" and Ubuntu 24.04 "noble": the packages of the debian:12 and ubuntu:24.04
// images and what a Dockerfile's `apt-get install` brings in with them (curl, wget, python3,
// git, nginx, php, apache2, the usual tools, and every dependency and recommended package apt
// would install). The bookworm table was taken from Debian's archive (Installed-Size in KiB,
// Size in bytes, Depends with the first of alternatives, Recommends); noble is derived from it
// with Ubuntu's names (the t64 libraries) and versions, which are approximate where not listed.

import { addFiles, indexPackages, parseTable, type Catalog, type Pkg } from './types.ts';

// name|version|arch|installed KiB|download bytes|section|priority|multi-arch|E(ssential)|depends|recommends|maintainer (@N: MAINTAINERS[N])|summary
const TABLE = `
adduser|3.134|all|686|183272|admin|important|foreign||passwd||Debian Adduser Developers <adduser@packages.debian.org>|add and remove users and groups
apache2|2.4.71-1~deb12u1|amd64|588|237772|httpd|optional|||init-system-helpers apache2-bin apache2-data apache2-utils lsb-base media-types perl procps|ssl-cert|@4|Apache HTTP Server
apache2-bin|2.4.71-1~deb12u1|amd64|5144|1409916|httpd|optional|||perl libapr1 libaprutil1 libaprutil1-dbd-sqlite3 libaprutil1-ldap libbrotli1 libc6 libcrypt1 libcurl4 libjansson4 libldap-2.5-0 liblua5.3-0 libnghttp2-14 libpcre2-8-0 libssl3 libxml2 zlib1g||@4|Apache HTTP Server (modules and other binary files)
apache2-data|2.4.71-1~deb12u1|all|847|159880|httpd|optional|foreign||||@4|Apache HTTP Server (common files)
apache2-utils|2.4.71-1~deb12u1|amd64|452|223608|httpd|optional|foreign||libapr1 libaprutil1 libc6 libcrypt1 libssl3||@4|Apache HTTP Server (utility programs for web servers)
apt|2.6.2|amd64|4232|1373116|admin|required|||adduser gpgv libapt-pkg6.0 debian-archive-keyring libc6 libgcc-s1 libgnutls30 libseccomp2 libstdc++6 libsystemd0||@24|commandline package manager
apt-utils|2.6.2|amd64|1037|309596|admin|important|||apt libapt-pkg6.0 libc6 libdb5.3 libgcc-s1 libstdc++6||@24|package management related utility programs
base-files|12.4+deb12u15|amd64|341|70936|admin|required|foreign|E|||@25|Debian base system miscellaneous files
base-passwd|3.6.1|amd64|247|59972|admin|required|foreign|E|libc6 libdebconfclient0 libselinux1||Colin Watson <cjwatson@debian.org>|Debian base system master password and group files
bash|5.2.15-2+b13|amd64|7164|1490652|shells|required|foreign|E|libc6 libtinfo6 base-files debianutils||@2|GNU Bourne Again SHell
bash-completion|1:2.11-6|all|1463|233912|shells|standard|foreign||||Gabriel F. T. Gomes <gabriel@debian.org>|programmable completion for the bash shell
bsdutils|1:2.38.1-5+deb12u3|amd64|355|94412|utils|required|foreign|E|libc6 libsystemd0||@3|basic utilities from 4.4BSD-Lite
ca-certificates|20250419~deb12u2|all|388|160948|misc|standard|foreign||openssl debconf||Julien Cristau <jcristau@debian.org>|Common CA certificates
coreutils|9.1-1|amd64|18062|2896560|utils|required|foreign|E|libacl1 libattr1 libc6 libgmp10 libselinux1||Michael Stone <mstone@debian.org>|GNU core utilities
curl|7.88.1-10+deb12u15|amd64|489|315764|web|optional|foreign||libc6 libcurl4 zlib1g||@16|command line tool for transferring data with URL syntax
dash|0.5.12-2|amd64|191|91848|shells|required|foreign|E|libc6 debianutils dpkg||Andrej Shadura <andrewsh@debian.org>|POSIX-compliant shell
dbus|1.14.10-1~deb12u1|amd64|182|97360|admin|standard|foreign||init-system-helpers dbus-bin dbus-daemon dbus-system-bus-common libc6 libdbus-1-3 libexpat1 libsystemd0||@9|simple interprocess messaging system (system message bus)
dbus-bin|1.14.10-1~deb12u1|amd64|213|105356|admin|optional|foreign||libc6 libdbus-1-3||@9|simple interprocess messaging system (command line utilities)
dbus-daemon|1.14.10-1~deb12u1|amd64|375|183656|admin|optional|foreign||dbus-bin dbus-session-bus-common libapparmor1 libaudit1 libc6 libcap-ng0 libdbus-1-3 libexpat1 libselinux1 libsystemd0||@9|simple interprocess messaging system (reference message bus)
dbus-session-bus-common|1.14.10-1~deb12u1|all|107|78232|admin|optional|foreign||||@9|simple interprocess messaging system (session bus configuration)
dbus-system-bus-common|1.14.10-1~deb12u1|all|119|79344|admin|optional|foreign||adduser||@9|simple interprocess messaging system (system bus configuration)
debconf|1.5.82|all|491|121212|admin|required|foreign||||Debconf Developers <debconf-devel@lists.alioth.debian.org>|Debian configuration management system
debconf-i18n|1.5.82|all|805|208040|localization|important|||debconf liblocale-gettext-perl libtext-charwidth-perl libtext-iconv-perl libtext-wrapi18n-perl||Debconf Developers <debconf-devel@lists.alioth.debian.org>|full internationalization support for debconf
debian-archive-keyring|2023.3+deb12u2|all|293|178572|misc|important|foreign||||Debian Release Team <packages@release.debian.org>|GnuPG archive keys of the Debian archive
debianutils|5.7-0.5~deb12u1|amd64|243|102588|utils|required|foreign|E|libc6||Clint Adams <clint@debian.org>|Miscellaneous utilities specific to Debian
diffutils|1:3.8-4|amd64|1598|351740|utils|required||E|libc6||@25|File comparison utilities
dirmngr|2.2.40-1.1+deb12u2|amd64|1329|792544|utils|optional|foreign||adduser gpgconf lsb-base init-system-helpers libassuan0 libc6 libgcrypt20 libgnutls30 libgpg-error0 libksba8 libldap-2.5-0 libnpth0|gnupg|@0|GNU privacy guard - network certificate management service
dmsetup|2:1.02.185-2|amd64|246|82040|admin|optional|foreign||libc6 libdevmapper1.02.1||Debian LVM Team <team+lvm@tracker.debian.org>|Linux Kernel Device Mapper userspace library
dpkg|1.21.23|amd64|6409|1567804|admin|required|foreign|E|libbz2-1.0 libc6 liblzma5 libmd0 libselinux1 libzstd1 zlib1g tar||Dpkg Developers <debian-dpkg@lists.debian.org>|Debian package management system
e2fsprogs|1.47.0-2+b2|amd64|1497|571920|admin|required|foreign||libblkid1 libc6 libcom-err2 libext2fs2 libss2 libuuid1 logsave||@11|ext2/ext3/ext4 file system utilities
findutils|4.9.0-4|amd64|1746|635500|utils|required|foreign|E|libc6 libselinux1||Andreas Metzler <ametzler@debian.org>|utilities for finding files--find, xargs
gcc-12-base|12.2.0-14+deb12u1|amd64|100|37596|libs|optional|same||||@17|GCC, the GNU Compiler Collection (base package)
git|1:2.39.5-0+deb12u3|amd64|44890|7264380|vcs|optional|foreign||libc6 libcurl3-gnutls libexpat1 libpcre2-8-0 zlib1g perl liberror-perl git-man|ca-certificates patch less|Jonathan Nieder <jrnieder@gmail.com>|fast, scalable, distributed revision control system
git-man|1:2.39.5-0+deb12u3|all|2107|2053236|doc|optional|foreign||||Jonathan Nieder <jrnieder@gmail.com>|fast, scalable, distributed revision control system (manual pages)
gnupg|2.2.40-1.1+deb12u2|all|886|846132|utils|optional|foreign||dirmngr gnupg-l10n gnupg-utils gpg gpg-agent gpg-wks-client gpg-wks-server gpgsm gpgv||@0|GNU privacy guard - a free PGP replacement
gnupg-l10n|2.2.40-1.1+deb12u2|all|4875|1092644|localization|optional|foreign||||@0|GNU privacy guard - localization files
gnupg-utils|2.2.40-1.1+deb12u2|amd64|1837|927232|utils|extra|foreign||libassuan0 libbz2-1.0 libc6 libgcrypt20 libgpg-error0 libksba8 libreadline8 zlib1g|gpg gpg-agent gpgconf gpgsm|@0|GNU privacy guard - utility programs
gpg|2.2.40-1.1+deb12u2|amd64|1582|949888|utils|optional|foreign||gpgconf libassuan0 libbz2-1.0 libc6 libgcrypt20 libgpg-error0 libreadline8 libsqlite3-0 zlib1g|gnupg|@0|GNU Privacy Guard -- minimalist public key operations
gpg-agent|2.2.40-1.1+deb12u2|amd64|1349|694596|utils|optional|foreign||gpgconf pinentry-curses init-system-helpers libassuan0 libc6 libgcrypt20 libgpg-error0 libnpth0|gnupg|@0|GNU privacy guard - cryptographic agent
gpg-wks-client|2.2.40-1.1+deb12u2|amd64|683|540932|utils|optional|foreign||dirmngr gpg gpg-agent libassuan0 libc6 libgcrypt20 libgpg-error0|gnupg|@0|GNU privacy guard - Web Key Service client
gpg-wks-server|2.2.40-1.1+deb12u2|amd64|658|531476|utils|optional|foreign||gpg gpg-agent libc6 libgcrypt20 libgpg-error0|gnupg|@0|GNU privacy guard - Web Key Service server
gpgconf|2.2.40-1.1+deb12u2|amd64|804|564852|utils|optional|foreign||libassuan0 libc6 libgcrypt20 libgpg-error0 libreadline8||@0|GNU privacy guard - core configuration utilities
gpgsm|2.2.40-1.1+deb12u2|amd64|993|671420|utils|optional|foreign||gpgconf libassuan0 libc6 libgcrypt20 libgpg-error0 libksba8 libreadline8|gnupg|@0|GNU privacy guard - S/MIME version
gpgv|2.2.40-1.1+deb12u2|amd64|918|648768|utils|important|foreign||libbz2-1.0 libc6 libgcrypt20 libgpg-error0 zlib1g||@0|GNU privacy guard - signature verification tool
grep|3.8-5|amd64|1245|421444|utils|required|foreign|E|libc6 libpcre2-8-0 dpkg||@26|GNU grep, egrep and fgrep
gzip|1.12-1|amd64|252|140364|utils|required||E|libc6 dpkg||Milan Kupcevic <milan@debian.org>|GNU compression utilities
hostname|3.23+nmu1|amd64|46|10500|admin|required||E|libc6||Michael Meskes <meskes@debian.org>|utility to set/show the host name or domain name
init-system-helpers|1.65.2+deb12u1|all|133|39020|admin|required|foreign|E|usrmerge||@10|helper tools for all init systems
iproute2|6.1.0-3|amd64|3516|1045828|net|important|foreign||debconf libbpf1 libbsd0 libc6 libcap2 libdb5.3 libelf1 libmnl0 libselinux1 libtirpc3 libxtables12 libcap2-bin|libatm1|Debian Kernel Team <debian-kernel@lists.debian.org>|networking and traffic control tools
iputils-ping|3:20221126-1+deb12u1|amd64|121|47172|net|important|foreign||libcap2-bin libc6 libcap2 libidn2-0||Noah Meyerhans <noahm@debian.org>|Tools to test the reachability of network hosts
jq|1.6-2.1+deb12u3|amd64|111|64432|utils|optional|foreign||libjq1 libc6||ChangZhuo Chen (陳昌倬) <czchen@debian.org>|lightweight and flexible command-line JSON processor
krb5-locales|1.20.1-2+deb12u5|all|273|63520|localization|standard|foreign||||@5|internationalization support for MIT Kerberos
less|590-2.1~deb12u2|amd64|313|132044|text|important|foreign||libc6 libtinfo6||Milan Kupcevic <milan@debian.org>|pager program similar to more
libacl1|2.3.1-3|amd64|73|31488|libs|optional|same||libc6||@18|access control list - shared library
libapache2-mod-php8.2|8.2.36-1~deb12u1|amd64|5518|1697720|httpd|optional|||libmagic1 media-types php8.2-cli php8.2-common php8.2-opcache tzdata ucf apache2-bin libargon2-1 libc6 libpcre2-8-0 libsodium23 libssl3 libxml2 zlib1g|apache2|@1|server-side, HTML-embedded scripting language (Apache 2 module)
libapparmor1|3.0.8-3|amd64|109|41192|libs|optional|same||libc6||Debian AppArmor Team <pkg-apparmor-team@lists.alioth.debian.org>|changehat AppArmor library
libapr1|1.7.2-3+deb12u1|amd64|288|102116|libs|optional|same||libc6 libuuid1||@4|Apache Portable Runtime Library
libaprutil1|1.6.3-1+deb12u1|amd64|284|89048|libs|optional|same||libapr1 libc6 libcrypt1 libdb5.3 libexpat1 libgdbm6 libssl3||@4|Apache Portable Runtime Utility Library
libaprutil1-dbd-sqlite3|1.6.3-1+deb12u1|amd64|48|14044|libs|optional|same||libaprutil1 libc6 libsqlite3-0||@4|Apache Portable Runtime Utility Library - SQLite3 Driver
libaprutil1-ldap|1.6.3-1+deb12u1|amd64|40|12276|libs|optional|same||libaprutil1 libc6 libldap-2.5-0||@4|Apache Portable Runtime Utility Library - LDAP Driver
libapt-pkg6.0|2.6.2|amd64|3297|906972|libs|optional|same||libbz2-1.0 libc6 libgcc-s1 libgcrypt20 liblz4-1 liblzma5 libstdc++6 libsystemd0 libudev1 libxxhash0 libzstd1 zlib1g||@24|package management runtime library
libargon2-1|0~20171227-0.3+deb12u1|amd64|56|19432|libs|optional|same||libc6||Luca Bruno <lucab@debian.org>|memory-hard hashing function - runtime library
libassuan0|2.5.5-5|amd64|117|48464|libs|optional|same||libc6 libgpg-error0||Debian GnuPG-Maintainers <pkg-gnupg-maint@lists.alioth.debian.org>|IPC library for the GnuPG components
libatm1|1:2.5.1-4+b2|amd64|107|68312|libs|optional|same||libc6||Debian QA Group <packages@qa.debian.org>|shared library for ATM (Asynchronous Transfer Mode)
libattr1|1:2.5.1-4|amd64|59|22164|libs|optional|same||libc6||@18|extended attribute handling - shared library
libaudit-common|1:3.0.9-1|all|22|10448|libs|optional|foreign||||Laurent Bigonville <bigon@debian.org>|Dynamic library for security auditing - common files
libaudit1|1:3.0.9-1|amd64|150|46764|libs|optional|same||libaudit-common libc6 libcap-ng0||Laurent Bigonville <bigon@debian.org>|Dynamic library for security auditing
libblkid1|2.38.1-5+deb12u3|amd64|398|147380|libs|optional|same||libc6||@3|block device ID library
libbpf1|1:1.1.2-0+deb12u1|amd64|385|145032|libs|optional|same||libc6 libelf1 zlib1g||Sudip Mukherjee <sudipm.mukherjee@gmail.com>|eBPF helper library (shared library)
libbrotli1|1.0.9-2+deb12u1|amd64|783|274704|libs|optional|same||libc6||Tomasz Buchert <tomasz@debian.org>|library implementing brotli encoder and decoder (shared libraries)
libbsd0|0.11.7-2|amd64|202|117416|libs|optional|same||libc6 libmd0||@18|utility functions from BSD systems - shared library
libbz2-1.0|1.0.8-5+b1|amd64|106|47348|libs|optional|same||libc6||@26|high-quality block-sorting file compressor library - runtime
libc-bin|2.36-9+deb12u14|amd64|2042|609144|libs|required|foreign|E|libc6||@19|GNU C Library: Binaries
libc6|2.36-9+deb12u14|amd64|13001|2759320|libs|optional|same||libgcc-s1||@19|GNU C Library: Shared libraries
libcap-ng0|0.8.3-1+b3|amd64|65|17068|libs|optional|same||libc6||Håvard F. Aasen <havard.f.aasen@pfft.no>|alternate POSIX capabilities library
libcap2|1:2.66-4+deb12u3+b1|amd64|95|27708|libs|optional|same||libc6||@20|POSIX 1003.1e capabilities (library)
libcap2-bin|1:2.66-4+deb12u3+b1|amd64|133|35220|utils|optional|foreign||libc6 libcap2|libpam-cap|@20|POSIX 1003.1e capabilities (utilities)
libcbor0.8|0.8.0-2+b1|amd64|98|27436|libs|optional|same||libc6||Vincent Bernat <bernat@debian.org>|library for parsing and generating CBOR (RFC 7049)
libcom-err2|1.47.0-2+b2|amd64|55|20044|libs|optional|same||libc6||@11|common error description library
libcrypt1|1:4.4.33-2|amd64|233|89464|libs|optional|same||libc6||@12|libcrypt shared library
libcryptsetup12|2:2.6.1-4~deb12u2|amd64|563|223344|libs|optional|same||libargon2-1 libblkid1 libc6 libdevmapper1.02.1 libjson-c5 libssl3 libuuid1||Debian Cryptsetup Team <pkg-cryptsetup-devel@alioth-lists.debian.net>|disk encryption support - shared library
libcurl3-gnutls|7.88.1-10+deb12u15|amd64|828|386008|libs|optional|same||libbrotli1 libc6 libgnutls30 libgssapi-krb5-2 libidn2-0 libldap-2.5-0 libnettle8 libnghttp2-14 libpsl5 librtmp1 libssh2-1 libzstd1 zlib1g|ca-certificates|@16|easy-to-use client-side URL transfer library (GnuTLS flavour)
libcurl4|7.88.1-10+deb12u15|amd64|840|392184|libs|optional|same||libbrotli1 libc6 libgssapi-krb5-2 libidn2-0 libldap-2.5-0 libnghttp2-14 libpsl5 librtmp1 libssh2-1 libssl3 libzstd1 zlib1g|ca-certificates|@16|easy-to-use client-side URL transfer library (OpenSSL flavour)
libdb5.3|5.3.28+dfsg2-1|amd64|1833|697412|libs|optional|same||libc6||Bastian Germann <bage@debian.org>|Berkeley v5.3 Database Libraries [runtime]
libdbus-1-3|1.14.10-1~deb12u1|amd64|468|201240|libs|optional|same||libc6 libsystemd0|dbus|@9|simple interprocess messaging system (library)
libdebconfclient0|0.270|amd64|37|9900|libs|optional|same||libc6||Debian Install System Team <debian-boot@lists.debian.org>|Debian Configuration Management System (C-implementation library)
libdevmapper1.02.1|2:1.02.185-2|amd64|474|132796|libs|optional|same||libc6 libselinux1 libudev1 dmsetup||Debian LVM Team <team+lvm@tracker.debian.org>|Linux Kernel Device Mapper userspace library
libedit2|3.1-20221030-2|amd64|258|92992|libs|optional|same||libbsd0 libc6 libtinfo6||LLVM Packaging Team <pkg-llvm-team@lists.alioth.debian.org>|BSD editline and history libraries
libelf1|0.188-2.1|amd64|1036|173796|libs|optional|same||libc6 zlib1g||Debian Elfutils Maintainers <debian-gcc@lists.debian.org>|library to read and write ELF files
liberror-perl|0.17029-2|all|73|29032|perl|optional|foreign||perl||@6|Perl module for error/exception handling in an OO-ish way
libexpat1|2.5.0-1+deb12u5|amd64|414|107940|libs|optional|same||libc6||@13|XML parsing C library - runtime library
libext2fs2|1.47.0-2+b2|amd64|535|204900|libs|optional|same||libc6||@11|ext2/ext3/ext4 file system libraries
libfdisk1|2.38.1-5+deb12u3|amd64|533|193624|libs|optional|same||libblkid1 libc6 libuuid1||@3|fdisk partitioning library
libffi8|3.4.4-1|amd64|68|22856|libs|optional|same||libc6||@17|Foreign Function Interface library runtime
libfido2-1|1.12.0-2+b1|amd64|241|77216|libs|optional|same||libc6 libcbor0.8 libssl3 libudev1 zlib1g||Debian Authentication Maintainers <pkg-auth-maintainers@lists.alioth.debian.org>|library for generating and verifying FIDO 2.0 objects
libfile-find-rule-perl|0.34-4~deb12u1|all|63|26736|perl|optional|foreign||perl libnumber-compare-perl libtext-glob-perl||@6|module to search for files based on rules
libgcc-s1|12.2.0-14+deb12u1|amd64|140|49856|libs|optional|same||gcc-12-base libc6||@17|GCC support library
libgcrypt20|1.10.1-3+deb12u1|amd64|1592|696204|libs|optional|same||libc6 libgpg-error0||@14|LGPL Crypto library - runtime library
libgdbm-compat4|1.23-3|amd64|70|48156|libs|optional|same||libc6 libgdbm6||@21|GNU dbm database routines (legacy support runtime version)
libgdbm6|1.23-3|amd64|129|72248|libs|optional|same||libc6||@21|GNU dbm database routines (runtime version)
libgmp10|2:6.2.1+dfsg1-1.1|amd64|855|562588|libs|optional|same||libc6||Debian Science Team <debian-science-maintainers@lists.alioth.debian.org>|Multiprecision arithmetic library
libgnutls30|3.7.9-2+deb12u7|amd64|3396|1409084|libs|optional|same||libc6 libgmp10 libhogweed6 libidn2-0 libnettle8 libp11-kit0 libtasn1-6 libunistring2||@14|GNU TLS library - main runtime library
libgpg-error-l10n|1.46-1|all|631|109412|localization|optional|foreign||||@0|library of error values and messages in GnuPG (localization files)
libgpg-error0|1.46-1|amd64|192|76888|libs|optional|same||libc6||@0|GnuPG development runtime library
libgpm2|1.20.7-10+b1|amd64|45|14216|libs|optional|same||libc6||Axel Beckert <abe@debian.org>|General Purpose Mouse - shared library
libgssapi-krb5-2|1.20.1-2+deb12u5|amd64|425|135168|libs|optional|same||libc6 libcom-err2 libk5crypto3 libkrb5-3 libkrb5support0||@5|MIT Kerberos runtime libraries - krb5 GSS-API Mechanism
libhogweed6|3.8.1-2|amd64|463|327524|libs|optional|same||libc6 libgmp10 libnettle8||Magnus Holmgren <holmgren@debian.org>|low level cryptographic library (public-key cryptos)
libicu72|72.1-3+deb12u1|amd64|36170|9376124|libs|optional|same||libc6 libgcc-s1 libstdc++6||@13|International Components for Unicode
libidn2-0|2.3.3-1+b1|amd64|439|123636|libs|optional|same||libc6 libunistring2||Debian Libidn team <help-libidn@gnu.org>|Internationalized domain names (IDNA2008/TR46) library
libip4tc2|1.8.9-2|amd64|66|19016|libs|optional|same||libc6||@27|netfilter libip4tc library
libjansson4|2.14-2|amd64|101|40788|libs|optional|same||libc6||@16|C library for encoding, decoding and manipulating JSON data
libjq1|1.6-2.1+deb12u3|amd64|366|136460|libs|optional|same||libc6 libonig5||ChangZhuo Chen (陳昌倬) <czchen@debian.org>|lightweight and flexible command-line JSON processor - shared library
libjson-c5|0.16-2|amd64|109|44120|libs|optional|same||libc6||@21|JSON manipulation library - shared library
libk5crypto3|1.20.1-2+deb12u5|amd64|261|79712|libs|optional|same||libc6 libkrb5support0||@5|MIT Kerberos runtime libraries - Crypto Library
libkeyutils1|1.6.3-2|amd64|40|8808|libs|optional|same||libc6||@20|Linux Key Management Utilities (library)
libkmod2|30+20221128-1|amd64|141|57892|libs|optional|same||libc6 liblzma5 libssl3 libzstd1||@12|libkmod shared library
libkrb5-3|1.20.1-2+deb12u5|amd64|1077|332280|libs|optional|same||libc6 libcom-err2 libk5crypto3 libkeyutils1 libkrb5support0 libssl3|krb5-locales|@5|MIT Kerberos runtime libraries
libkrb5support0|1.20.1-2+deb12u5|amd64|134|33212|libs|optional|same||libc6||@5|MIT Kerberos runtime libraries - Support library
libksba8|1.6.3-2|amd64|316|128416|libs|optional|same||libc6 libgpg-error0||@14|X.509 and CMS support library
libldap-2.5-0|2.5.13+dfsg-5|amd64|553|183248|libs|optional|same||libc6 libgnutls30 libsasl2-2|libldap-common|Debian OpenLDAP Maintainers <pkg-openldap-devel@lists.alioth.debian.org>|OpenLDAP libraries
libldap-common|2.5.13+dfsg-5|all|92|29348|libs|optional|foreign||||Debian OpenLDAP Maintainers <pkg-openldap-devel@lists.alioth.debian.org>|OpenLDAP common files for libraries
liblocale-gettext-perl|1.07-5|amd64|51|15408|perl|optional|||perl-base libc6||@6|module using libc functions for internationalization in Perl
liblua5.3-0|5.3.6-2|amd64|495|122984|libs|optional|same||libc6 libstdc++6||Debian Lua Team <pkg-lua-devel@lists.alioth.debian.org>|Shared library for the Lua interpreter version 5.3
liblz4-1|1.9.4-1|amd64|169|62884|libs|optional|same||libc6||Nobuhiro Iwamatsu <iwamatsu@debian.org>|Fast LZ compression algorithm library - runtime
liblzma5|5.4.1-1+deb12u2|amd64|333|205796|libs|optional|same||libc6||Sebastian Andrzej Siewior <sebastian@breakpoint.cc>|XZ-format compression library
libmagic-mgc|1:5.44-3|amd64|8130|304888|libs|optional|foreign||||Christoph Biedl <debian.axhn@manchmal.in-ulm.de>|File type determination library using "magic" numbers (compiled magic file)
libmagic1|1:5.44-3|amd64|232|103752|libs|optional|same||libbz2-1.0 libc6 liblzma5 zlib1g libmagic-mgc||Christoph Biedl <debian.axhn@manchmal.in-ulm.de>|Recognize the type of data in a file using "magic" numbers - library
libmd0|1.0.4-2|amd64|79|29456|libs|optional|same||libc6||@18|message digest functions from BSD systems - shared library
libmnl0|1.0.4-3|amd64|46|12476|libs|optional|same||libc6||@27|minimalistic Netlink communication library
libmount1|2.38.1-5+deb12u3|amd64|454|165732|libs|optional|same||libblkid1 libc6 libselinux1||@3|device mounting library
libncursesw6|6.4-4|amd64|412|133824|libs|optional|same||libtinfo6 libc6|libgpm2|@8|shared libraries for terminal handling (wide character support)
libnettle8|3.8.1-2|amd64|520|287764|libs|optional|same||libc6||Magnus Holmgren <holmgren@debian.org>|low level cryptographic library (symmetric and one-way cryptos)
libnghttp2-14|1.52.0-1+deb12u3|amd64|220|72404|libs|optional|same||libc6||Tomasz Buchert <tomasz@debian.org>|library implementing HTTP/2 protocol (shared library)
libnpth0|1.6-3|amd64|50|18980|libs|optional|same||libc6||Eric Dorland <eric@debian.org>|replacement for GNU Pth using system threads
libnsl2|1.3.0-2|amd64|127|39480|libs|optional|same||libc6 libtirpc3||@19|Public client interface for NIS(YP) and NIS+
libnumber-compare-perl|0.03-3|all|19|6332|perl|optional|foreign||||@6|module for performing numeric comparisons in Perl
libonig5|6.9.8-1|amd64|666|187828|libs|optional|same||libc6||Jörg Frings-Fürst <debian@jff.email>|regular expressions library
libp11-kit0|0.24.1-2|amd64|1408|345080|libs|optional|same||libc6 libffi8||@14|library for loading and coordinating access to PKCS#11 modules - runtime
libpam-cap|1:2.66-4+deb12u3+b1|amd64|53|15052|libs|optional|same||libpam-runtime libc6 libcap2 libpam0g||@20|POSIX 1003.1e capabilities (PAM module)
libpam-modules|1.5.2-6+deb12u2|amd64|1031|291056|admin|required|same||libaudit1 libc6 libcrypt1 libdb5.3 libpam0g libselinux1 debconf libpam-modules-bin||@5|Pluggable Authentication Modules for PAM
libpam-modules-bin|1.5.2-6+deb12u2|amd64|227|75676|admin|required|foreign||libaudit1 libc6 libcrypt1 libpam0g libselinux1||@5|Pluggable Authentication Modules for PAM - helper binaries
libpam-runtime|1.5.2-6+deb12u2|all|876|160936|admin|required|foreign||debconf libpam-modules||@5|Runtime support for the PAM library
libpam0g|1.5.2-6+deb12u2|amd64|215|92060|libs|optional|same||libaudit1 libc6 debconf||@5|Pluggable Authentication Modules library
libpcre2-8-0|10.42-1+deb12u2|amd64|685|261628|libs|optional|same||libc6||Matthew Vernon <matthew@debian.org>|New Perl Compatible Regular Expression Library- 8 bit runtime files
libperl5.36|5.36.0-7+deb12u4|amd64|28875|4207640|libs|optional|same||libbz2-1.0 libc6 libcrypt1 libdb5.3 libgdbm-compat4 libgdbm6 zlib1g perl-modules-5.36||@22|shared Perl library
libproc2-0|2:4.0.2-3|amd64|232|62804|libs|optional|same||libc6 libsystemd0||@8|library for accessing process information from /proc
libpsl5|0.21.2-1|amd64|96|58684|libs|optional|same||libidn2-0 libc6 libunistring2|publicsuffix|Tim Rühsen <tim.ruehsen@gmx.de>|Library for Public Suffix List (shared libraries)
libpython3-stdlib|3.11.2-1+b1|amd64|27|9312|python|optional|same||libpython3.11-stdlib||@2|interactive high-level object-oriented language (default python3 version)
libpython3.11-minimal|3.11.2-6+deb12u9|amd64|5232|820928|python|optional|same||libc6 libssl3|libpython3.11-stdlib|@2|Minimal subset of the Python language (version 3.11)
libpython3.11-stdlib|3.11.2-6+deb12u9|amd64|8334|1798408|python|optional|same||libpython3.11-minimal media-types libbz2-1.0 libc6 libcrypt1 libdb5.3 libffi8 liblzma5 libncursesw6 libnsl2 libreadline8 libsqlite3-0 libtinfo6 libtirpc3 libuuid1||@2|Interactive high-level object-oriented language (standard library, version 3.11)
libreadline8|8.2-1.3|amd64|475|165760|libs|optional|same||readline-common libc6 libtinfo6||@2|GNU readline and history libraries, run-time libraries
librtmp1|2.4+20151223.gitfa8646d.1-2+b2|amd64|146|60824|libs|optional|same||libc6 libgmp10 libgnutls30 libhogweed6 libnettle8 zlib1g||Debian Multimedia Maintainers <debian-multimedia@lists.debian.org>|toolkit for RTMP streams (shared library)
libsasl2-2|2.1.28+dfsg-10+deb12u1|amd64|167|59908|libs|optional|same||libsasl2-modules-db libc6|libsasl2-modules|@28|Cyrus SASL - authentication abstraction library
libsasl2-modules|2.1.28+dfsg-10+deb12u1|amd64|284|66868|libs|optional|same||libc6 libssl3||@28|Cyrus SASL - pluggable authentication modules
libsasl2-modules-db|2.1.28+dfsg-10+deb12u1|amd64|77|20524|libs|optional|same||libc6 libdb5.3||@28|Cyrus SASL - pluggable authentication modules (DB)
libseccomp2|2.5.4-1+deb12u1|amd64|148|46808|libs|optional|same||libc6||Kees Cook <kees@debian.org>|high level interface to Linux seccomp filter
libselinux1|3.4-1+b6|amd64|199|73720|libs|optional|same||libc6 libpcre2-8-0||@23|SELinux runtime shared libraries
libsemanage-common|3.4-1|all|37|21632|libs|optional|foreign||||@23|Common files for SELinux policy management libraries
libsemanage2|3.4-1+b5|amd64|297|89884|libs|optional|same||libsemanage-common libaudit1 libbz2-1.0 libc6 libselinux1 libsepol2||@23|SELinux policy management library
libsepol2|3.4-2.1|amd64|775|275900|libs|optional|same||libc6||@23|SELinux library for manipulating binary security policies
libsmartcols1|2.38.1-5+deb12u3|amd64|289|106776|libs|optional|same||libc6||@3|smart column output alignment library
libsodium23|1.0.18-1+deb12u1|amd64|415|162044|libs|optional|same||libc6||@13|Network communication, cryptography and signaturing library
libsqlite3-0|3.40.1-2+deb12u2|amd64|1682|838808|libs|optional|same||libc6||@13|SQLite 3 shared library
libss2|1.47.0-2+b2|amd64|71|24800|libs|optional|same||libcom-err2 libc6||@11|command-line interface parsing library
libssh2-1|1.10.0-3+deb12u1|amd64|353|175976|libs|optional|same||libc6 libssl3 zlib1g||@21|SSH2 client-side library
libssl3|3.0.22-1~deb12u2|amd64|6042|2039888|libs|optional|same||libc6||Debian OpenSSL Team <pkg-openssl-devel@alioth-lists.debian.net>|Secure Sockets Layer toolkit - shared libraries
libstdc++6|12.2.0-14+deb12u1|amd64|2686|612604|libs|optional|same||gcc-12-base libc6 libgcc-s1||@17|GNU Standard C++ Library v3
libsystemd-shared|252.39-1~deb12u2|amd64|5350|1696184|libs|optional|same||libacl1 libapparmor1 libaudit1 libblkid1 libc6 libcap2 libcrypt1 libgcrypt20 libip4tc2 libkmod2 liblz4-1 liblzma5 libmount1 libpam0g libseccomp2 libselinux1 libssl3 libzstd1||@10|systemd shared private library
libsystemd0|252.39-1~deb12u2|amd64|909|332372|libs|optional|same||libc6 libcap2 libgcrypt20 liblz4-1 liblzma5 libzstd1||@10|systemd utility library
libtasn1-6|4.19.0-2+deb12u1|amd64|116|48596|libs|optional|same||libc6||@14|Manage ASN.1 structures (runtime)
libtext-charwidth-perl|0.04-11|amd64|41|9496|perl|optional|same||libc6 perl-base||@6|get display widths of characters on the terminal
libtext-glob-perl|0.11-3|all|22|7676|perl|optional|foreign||||@6|Perl module for matching globbing patterns against text
libtext-iconv-perl|1.7-8|amd64|49|14464|perl|optional|same||libc6 perl-base||@6|module to convert between character sets in Perl
libtext-wrapi18n-perl|0.06-10|all|26|8808|perl|optional|||libtext-charwidth-perl||@6|internationalized substitute of Text::Wrap
libtinfo6|6.4-4|amd64|541|331352|libs|optional|same||libc6||@8|shared low-level terminfo library for terminal handling
libtirpc-common|1.3.3+ds-1|all|35|14048|libs|optional|foreign||||@29|transport-independent RPC library - common files
libtirpc3|1.3.3+ds-1|amd64|226|85192|libs|optional|same||libc6 libgssapi-krb5-2 libtirpc-common||@29|transport-independent RPC library
libudev1|252.39-1~deb12u2|amd64|240|108880|libs|optional|same||libc6||@10|libudev shared library
libunistring2|1.0-2|amd64|1807|436708|libs|optional|same||libc6||Jörg Frings-Fürst <debian@jff.email>|Unicode string library for C
libuuid1|2.38.1-5+deb12u3|amd64|79|28784|libs|optional|same||libc6||@3|Universally Unique ID library
libx11-6|2:1.8.4-2+deb12u2|amd64|1562|759544|libs|optional|same||libc6 libxcb1 libx11-data||@7|X11 client-side library
libx11-data|2:1.8.4-2+deb12u2|all|1577|291884|x11|optional|foreign||||@7|X11 client-side library
libxau6|1:1.0.9-1|amd64|42|19720|libs|optional|same||libc6||@7|X11 authorisation library
libxcb1|1.15-1|amd64|296|144052|libs|optional|same||libc6 libxau6 libxdmcp6||@7|X C Binding
libxdmcp6|1:1.1.2-3|amd64|53|26344|libs|optional|same||libbsd0 libc6||@7|X11 Display Manager Control Protocol library
libxext6|2:1.3.4-1+b1|amd64|132|52932|libs|optional|same||libc6 libx11-6||@7|X11 miscellaneous extension library
libxml2|2.9.14+dfsg-1.3~deb12u6|amd64|1867|688760|libs|optional|same||libc6 libicu72 liblzma5 zlib1g||Debian XML/SGML Group <debian-xml-sgml-pkgs@lists.alioth.debian.org>|GNOME XML library
libxmuu1|2:1.1.3-3|amd64|54|23928|libs|optional|same||libc6 libx11-6||@7|X11 miscellaneous micro-utility library
libxtables12|1.8.9-2|amd64|101|30752|libs|optional|same||libc6||@27|netfilter xtables library
libxxhash0|0.8.1-1|amd64|99|27584|libs|optional|same||libc6||@29|shared library for xxhash
libzstd1|1.5.4+dfsg2-5|amd64|785|290036|libs|optional|same||libc6||RPM packaging team <team+pkg-rpm@tracker.debian.org>|fast lossless compression algorithm
login|1:4.13+dfsg1-1+deb12u2|amd64|2550|616084|admin|required|foreign|E|libaudit1 libc6 libcrypt1 libpam0g libpam-runtime libpam-modules||Shadow package maintainers <pkg-shadow-devel@lists.alioth.debian.org>|system login tools
logsave|1.47.0-2+b2|amd64|50|19876|admin|optional|foreign||libc6||@11|save the output of a command in a log file
lsb-base|11.6|all|12|4584|misc|optional|foreign||sysvinit-utils||Debian sysvinit maintainers <debian-init-diversity@chiark.greenend.org.uk>|transitional package for Linux Standard Base init script functionality
mawk|1.3.4.20200120-3.1|amd64|263|119144|interpreters|required|foreign||libc6||Boyuan Yang <byang@debian.org>|Pattern scanning and text processing language
media-types|10.0.0|all|92|26136|net|standard|foreign||||Mime-Support Packagers <team+debian-mimesupport-packagers@tracker.debian.org>|List of standard media types and their usual file extension
mount|2.38.1-5+deb12u3|amd64|393|134044|admin|required|foreign||libblkid1 libc6 libmount1 libselinux1 libsmartcols1||@3|tools for mounting and manipulating filesystems
nano|7.2-1+deb12u1|amd64|2804|689556|editors|important|||libc6 libncursesw6 libtinfo6||Jordi Mallach <jordi@debian.org>|small, friendly text editor inspired by Pico
ncurses-base|6.4-4|all|379|261308|misc|required|foreign|E|||@8|basic terminal type definitions
ncurses-bin|6.4-4|amd64|636|421400|utils|required|foreign|E|libc6 libtinfo6||@8|terminal-related programs and man pages
net-tools|2.10-0.1+deb12u2|amd64|978|243404|net|optional|foreign||libc6 libselinux1||net-tools Team <team+net-tools@tracker.debian.org>|NET-3 networking toolkit
netbase|6.4|all|36|12800|admin|important|foreign||||@12|Basic TCP/IP networking system
nginx|1.22.1-9+deb12u11|amd64|1336|532468|httpd|optional|||libc6 libcrypt1 libpcre2-8-0 libssl3 zlib1g iproute2 nginx-common||Debian Nginx Maintainers <pkg-nginx-maintainers@alioth-lists.debian.net>|small, powerful, scalable web/proxy server
nginx-common|1.22.1-9+deb12u11|all|333|115544|httpd|optional|foreign||debconf||Debian Nginx Maintainers <pkg-nginx-maintainers@alioth-lists.debian.net>|small, powerful, scalable web/proxy server - common files
openssh-client|1:9.2p1-2+deb12u10|amd64|5801|993532|net|standard|foreign||adduser passwd libc6 libedit2 libfido2-1 libgssapi-krb5-2 libselinux1 libssl3 zlib1g|xauth|Debian OpenSSH Maintainers <debian-ssh@lists.debian.org>|secure shell (SSH) client, for secure access to remote machines
openssl|3.0.22-1~deb12u2|amd64|2315|1441784|utils|optional|foreign||libc6 libssl3||Debian OpenSSL Team <pkg-openssl-devel@alioth-lists.debian.net>|Secure Sockets Layer toolkit - cryptographic utility
original-awk|2022-09-12-1|amd64|186|86548|interpreters|optional|foreign||libc6||@25|The original awk described in "The AWK Programming Language"
passwd|1:4.13+dfsg1-1+deb12u2|amd64|2827|972180|admin|required|foreign||libaudit1 libc6 libcrypt1 libpam0g libselinux1 libsemanage2 libpam-modules||Shadow package maintainers <pkg-shadow-devel@lists.alioth.debian.org>|change and administer password and group data
patch|2.7.6-7|amd64|248|127848|vcs|optional|foreign||libc6||@13|Apply a diff file to an original
perl|5.36.0-7+deb12u4|amd64|670|239392|perl|standard|allowed||dpkg perl-base perl-modules-5.36 libperl5.36||@22|Larry Wall's Practical Extraction and Report Language
perl-base|5.36.0-7+deb12u4|amd64|7643|1609596|perl|required||E|libc6 libcrypt1 dpkg||@22|minimal Perl system
perl-modules-5.36|5.36.0-7+deb12u4|all|17821|2817356|libs|optional|foreign||dpkg perl-base||@22|Core Perl modules
php|2:8.2+93|all|10|3628|php|optional|||php8.2||@1|server-side, HTML-embedded scripting language (default)
php-cli|2:8.2+93|all|21|4108|php|optional|||php8.2-cli||@1|command-line interpreter for the PHP scripting language (default)
php-common|2:93|all|70|13104|php|optional|foreign||psmisc||@1|Common files for PHP packages
php-fpm|2:8.2+93|all|10|3712|php|optional|||php8.2-fpm||@1|server-side, HTML-embedded scripting language (FPM-CGI binary) (default)
php8.2|8.2.36-1~deb12u1|all|85|51252|php|optional|||libapache2-mod-php8.2 php8.2-common||@1|server-side, HTML-embedded scripting language (metapackage)
php8.2-cli|8.2.36-1~deb12u1|amd64|5637|1756464|php|optional|||libedit2 libmagic1 media-types php8.2-common php8.2-opcache php8.2-readline tzdata ucf libargon2-1 libc6 libpcre2-8-0 libsodium23 libssl3 libxml2 zlib1g||@1|command-line interpreter for the PHP scripting language
php8.2-common|8.2.36-1~deb12u1|amd64|8456|694264|php|optional|||php-common ucf libc6 libffi8 libssl3||@1|documentation, examples and common module for PHP
php8.2-fpm|8.2.36-1~deb12u1|amd64|5657|1764828|php|optional|||libmagic1 media-types php8.2-cli php8.2-common php8.2-opcache procps systemd tzdata ucf libacl1 libapparmor1 libargon2-1 libc6 libpcre2-8-0 libsodium23 libssl3 libsystemd0 libxml2 zlib1g||@1|server-side, HTML-embedded scripting language (FPM-CGI binary)
php8.2-opcache|8.2.36-1~deb12u1|amd64|1028|346240|php|optional|||php-common ucf php8.2-common libc6 libgcc-s1||@1|Zend OpCache module for PHP
php8.2-readline|8.2.36-1~deb12u1|amd64|64|12528|php|optional|||php-common ucf php8.2-common libc6 libedit2||@1|readline module for PHP
pinentry-curses|1.2.1-1|amd64|140|77448|utils|optional|foreign||libassuan0 libc6 libgpg-error0 libncursesw6 libtinfo6||@0|curses-based PIN or pass-phrase entry dialog for GnuPG
procps|2:4.0.2-3|amd64|2091|708712|admin|important|foreign||libc6 libncursesw6 libproc2-0 libtinfo6 init-system-helpers|psmisc|@8|/proc file system utilities
psmisc|23.6-1|amd64|909|258696|admin|optional|foreign||libc6 libtinfo6||@8|utilities that use the proc file system
publicsuffix|20230209.2326-1|all|339|126380|net|optional|foreign||||Daniel Kahn Gillmor <dkg@fifthhorseman.net>|accurate, machine-readable list of domain name suffixes
python3|3.11.2-1+b1|amd64|81|26300|python|optional|allowed||python3-minimal python3.11 libpython3-stdlib||@2|interactive high-level object-oriented language (default python3 version)
python3-minimal|3.11.2-1+b1|amd64|111|26312|python|optional|allowed||python3.11-minimal dpkg||@2|minimal subset of the Python language (default python3 version)
python3.11|3.11.2-6+deb12u9|amd64|651|575032|python|optional|allowed||python3.11-minimal libpython3.11-stdlib media-types|ca-certificates|@2|Interactive high-level object-oriented language (version 3.11)
python3.11-minimal|3.11.2-6+deb12u9|amd64|6743|2054684|python|optional|allowed||libc6 libpython3.11-minimal libexpat1 zlib1g|python3.11|@2|Minimal subset of the Python language (version 3.11)
readline-common|8.2-1.3|all|89|68988|utils|important|foreign||dpkg||@2|GNU readline and history libraries, common files
sed|4.9-1+deb12u1|amd64|987|329092|utils|required|foreign|E|libacl1 libc6 libselinux1||Clint Adams <clint@debian.org>|GNU stream editor for filtering/transforming text
sensible-utils|0.0.17+nmu1|all|56|19020|utils|important|foreign||||@26|Utilities for sensible alternative selection
ssl-cert|1.1.2|all|64|21120|utils|optional|foreign||debconf openssl adduser||@4|simple debconf wrapper for OpenSSL
stress|1.0.7-1|amd64|56|21944|devel|optional|||libc6||Joao Eriberto Mota Filho <eriberto@debian.org>|tool to impose load on and stress test a computer system
systemd|252.39-1~deb12u2|amd64|9668|3043940|admin|important|foreign||libblkid1 libc6 libcap2 libgcrypt20 liblz4-1 liblzma5 libmount1 libselinux1 libssl3 libzstd1 libacl1 libaudit1 libcryptsetup12 libfdisk1 libkmod2 libp11-kit0 libseccomp2 libsystemd-shared libsystemd0 mount|systemd-timesyncd|@10|system and service manager
systemd-timesyncd|252.39-1~deb12u2|amd64|148|64060|admin|standard|foreign||libc6 libsystemd-shared systemd||@10|minimalistic service to synchronize local time with NTP servers
sysvinit-utils|3.06-4|amd64|100|30996|admin|required|foreign|E|libc6||Debian sysvinit maintainers <debian-init-diversity@chiark.greenend.org.uk>|System-V-like utilities
tar|1.34+dfsg-1.2+deb12u1|amd64|3144|836288|utils|required|foreign|E|libacl1 libc6 libselinux1||Janos Lenart <ocsi@debian.org>|GNU version of the tar archiving utility
tree|2.1.0-1|amd64|113|52464|utils|optional|||libc6||Florian Ernst <florian@debian.org>|displays an indented directory tree, in color
tzdata|2026f-0+deb12u1|all|2571|307832|localization|required|foreign||debconf||@19|time zone and daylight-saving time data
ucf|3.0043+nmu1+deb12u1|all|214|55312|utils|standard|foreign||debconf sensible-utils||Manoj Srivastava <srivasta@debian.org>|Update Configuration File(s): preserve user changes to config files
usr-is-merged|37~deb12u1|all|13|5616|oldlibs|optional|foreign||||@12|Transitional package to assert a merged-/usr system
usrmerge|37~deb12u1|all|40|13336|admin|optional|foreign||perl libfile-find-rule-perl||@12|Convert the system to the merged /usr directories scheme
util-linux|2.38.1-5+deb12u3|amd64|4978|1177276|utils|required|foreign|E|libblkid1 libc6 libcap-ng0 libcrypt1 libmount1 libpam0g libselinux1 libsmartcols1 libsystemd0 libtinfo6 libudev1 libuuid1 zlib1g util-linux-extra||@3|miscellaneous system utilities
util-linux-extra|2.38.1-5+deb12u3|amd64|366|110728|utils|standard|foreign||libaudit1 libc6 libsmartcols1||@3|interactive login tools
uuid-runtime|2.38.1-5+deb12u3|amd64|174|48232|utils|optional|foreign||libuuid1 init-system-helpers adduser libc6 libsmartcols1 libsystemd0||@3|runtime components for the Universally Unique ID library
vim|2:9.0.1378-2+deb12u2|amd64|3650|1567756|editors|optional|||vim-common vim-runtime libacl1 libc6 libgpm2 libselinux1 libsodium23 libtinfo6||@15|Vi IMproved - enhanced vi editor
vim-common|2:9.0.1378-2+deb12u2|all|245|124836|editors|important|foreign|||xxd vim|@15|Vi IMproved - Common files
vim-runtime|2:9.0.1378-2+deb12u2|all|36406|7026844|editors|optional|foreign|||vim|@15|Vi IMproved - Runtime files
vim-tiny|2:9.0.1378-2+deb12u2|amd64|1689|719960|editors|important|||vim-common libacl1 libc6 libselinux1 libtinfo6||@15|Vi IMproved - enhanced vi editor - compact version
wget|1.21.3-1+deb12u1|amd64|3521|937340|web|standard|foreign||libc6 libgnutls30 libidn2-0 libnettle8 libpcre2-8-0 libpsl5 libuuid1 zlib1g|ca-certificates|Noël Köthe <noel@debian.org>|retrieves files from the web
xauth|1:1.1.2-1|amd64|81|35960|x11|optional|foreign||libc6 libx11-6 libxau6 libxext6 libxmuu1||@7|X authentication utility
xxd|2:9.0.1378-2+deb12u2|amd64|135|84116|editors|optional|foreign||libc6||@15|tool to make (or reverse) a hex dump
zlib1g|1:1.2.13.dfsg-1|amd64|168|86684|libs|optional|same||libc6||Mark Brown <broonie@debian.org>|compression library - runtime
`;

const MAINTAINERS = [
  'Debian GnuPG Maintainers <pkg-gnupg-maint@lists.alioth.debian.org>',
  'Debian PHP Maintainers <team+pkg-php@tracker.debian.org>',
  'Matthias Klose <doko@debian.org>',
  'util-linux packagers <util-linux@packages.debian.org>',
  'Debian Apache Maintainers <debian-apache@lists.debian.org>',
  'Sam Hartman <hartmans@debian.org>',
  'Debian Perl Group <pkg-perl-maintainers@lists.alioth.debian.org>',
  'Debian X Strike Force <debian-x@lists.debian.org>',
  'Craig Small <csmall@debian.org>',
  'Utopia Maintenance Team <pkg-utopia-maintainers@lists.alioth.debian.org>',
  'Debian systemd Maintainers <pkg-systemd-maintainers@lists.alioth.debian.org>',
  'Theodore Y. Ts\'o <tytso@mit.edu>',
  'Marco d\'Itri <md@linux.it>',
  'Laszlo Boszormenyi (GCS) <gcs@debian.org>',
  'Debian GnuTLS Maintainers <pkg-gnutls-maint@lists.alioth.debian.org>',
  'Debian Vim Maintainers <team+vim@tracker.debian.org>',
  'Alessandro Ghedini <ghedo@debian.org>',
  'Debian GCC Maintainers <debian-gcc@lists.debian.org>',
  'Guillem Jover <guillem@debian.org>',
  'GNU Libc Maintainers <debian-glibc@lists.debian.org>',
  'Christian Kastner <ckk@debian.org>',
  'Nicolas Mora <babelouest@debian.org>',
  'Niko Tyni <ntyni@debian.org>',
  'Debian SELinux maintainers <selinux-devel@lists.alioth.debian.org>',
  'APT Development Team <deity@lists.debian.org>',
  'Santiago Vila <sanvila@debian.org>',
  'Anibal Monsalve Salazar <anibal@debian.org>',
  'Debian Netfilter Packaging Team <pkg-netfilter-team@lists.alioth.debian.org>',
  'Debian Cyrus Team <team+cyrus@tracker.debian.org>',
  'Josue Ortega <josue@debian.org>',
];

const bins = (dir: string, names: string): string => names.split(' ').map((n) => `x ${dir}/${n} ${n}`).join('\n');

const DOCKER_APT: Record<string, string> = {
  'docker-autoremove-suggests': '# Since Docker users are looking for the smallest possible final images, the\n# following emerges as a very common pattern:\n\n#   RUN apt-get update \\\n#       && apt-get install -y <packages> \\\n#       && <do some compilation work> \\\n#       && apt-get purge -y --auto-remove <packages>\n\n# By default, APT will actually _keep_ packages installed via Recommends or\n# Depends if another package Suggests them, even and including if the package\n# that originally caused them to be installed is removed.  Setting this to\n# "false" ensures that APT is appropriately aggressive about removing the\n# packages it added.\n\nApt::AutoRemove::SuggestsImportant "false";\n',
  'docker-clean': '# Since for most Docker users, package installs happen in "docker build" steps,\n# they essentially become individual layers due to the way Docker handles\n# layering, especially using CoW filesystems.  What this means for us is that\n# the caches that APT keeps end up just wasting space in those layers, making\n# our layers unnecessarily large (especially since we\'ll normally never use\n# these caches again and will instead just "docker build" again and make a brand\n# new image).\n\n# Ideally, these would just be invoking "apt-get clean", but in our testing,\n# that ended up being cyclic and we got stuck on APT\'s lock, so we get this fun\n# creation that\'s essentially just "apt-get clean".\n\nDir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n',
  'docker-gzip-indexes': '# Since Docker users using "RUN apt-get update && apt-get install -y ..." in\n# their Dockerfiles don\'t go delete the lists files afterwards, we want them to\n# be as small as possible on-disk, so we explicitly request that Apt keep them\n# compressed on-disk too instead of decompressing them.\n\nAcquire::GzipIndexes "true";\n',
  'docker-no-languages': '# In Docker, we don\'t often need the "Translations" files, so we\'re just wasting\n# time and space by downloading them, and this inhibits that.  For users that do\n# need them, it\'s a simple matter to delete this file and "apt-get update". :)\n\nAcquire::Languages "none";\n',
};

const CONF: Record<string, string> = {
  '/usr/lib/os-release': 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n',
  '/etc/debian_version': '12.13\n',
  '/etc/hostname': 'localhost\n',
  '/etc/issue': 'Debian GNU/Linux 12 \\n \\l\n\n',
  '/etc/apt/sources.list.d/debian.sources': 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\nTypes: deb\nURIs: http://deb.debian.org/debian-security\nSuites: bookworm-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n',
  ...Object.fromEntries(Object.entries(DOCKER_APT).map(([k, v]) => [`/etc/apt/apt.conf.d/${k}`, v])),
  '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\nsync:x:4:65534:sync:/bin:/bin/sync\ngames:x:5:60:games:/usr/games:/usr/sbin/nologin\nman:x:6:12:man:/var/cache/man:/usr/sbin/nologin\nlp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin\nmail:x:8:8:mail:/var/mail:/usr/sbin/nologin\nnews:x:9:9:news:/var/spool/news:/usr/sbin/nologin\nuucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin\nproxy:x:13:13:proxy:/bin:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nbackup:x:34:34:backup:/var/backups:/usr/sbin/nologin\nlist:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin\nirc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin\n_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
  '/etc/group': 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nnews:x:9:\nuucp:x:10:\nman:x:12:\nproxy:x:13:\nkmem:x:15:\ndialout:x:20:\nfax:x:21:\nvoice:x:22:\ncdrom:x:24:\nfloppy:x:25:\ntape:x:26:\nsudo:x:27:\naudio:x:29:\ndip:x:30:\nwww-data:x:33:\nbackup:x:34:\noperator:x:37:\nlist:x:38:\nirc:x:39:\nsrc:x:40:\nshadow:x:42:\nutmp:x:43:\nvideo:x:44:\nsasl:x:45:\nplugdev:x:46:\nstaff:x:50:\ngames:x:60:\nusers:x:100:\nnogroup:x:65534:\n',
  '/etc/bash.bashrc': '# System-wide .bashrc file for interactive bash(1) shells.\n\n# If not running interactively, don\'t do anything\n[ -z "$PS1" ] && return\n\n# check the window size after each command and, if necessary,\n# update the values of LINES and COLUMNS.\nshopt -s checkwinsize\n',
  '/etc/profile': '# /etc/profile: system-wide .profile file for the Bourne shell (sh(1))\n# and Bourne compatible shells (bash(1), ksh(1), ash(1), ...).\n\nif [ "$(id -u)" -eq 0 ]; then\n  PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\nelse\n  PATH="/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"\nfi\nexport PATH\n',
  '/etc/nginx/nginx.conf': [
    'user www-data;', 'worker_processes auto;', 'pid /run/nginx.pid;', 'error_log /var/log/nginx/error.log;', 'include /etc/nginx/modules-enabled/*.conf;', '',
    'events {', '\tworker_connections 768;', '\t# multi_accept on;', '}', '', 'http {', '', '\t##', '\t# Basic Settings', '\t##', '',
    '\tsendfile on;', '\ttcp_nopush on;', '\ttypes_hash_max_size 2048;', '\t# server_tokens off;', '',
    '\tinclude /etc/nginx/mime.types;', '\tdefault_type application/octet-stream;', '', '\t##', '\t# SSL Settings', '\t##', '',
    '\tssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3; # Dropping SSLv3, ref: POODLE', '\tssl_prefer_server_ciphers on;', '',
    '\t##', '\t# Logging Settings', '\t##', '', '\taccess_log /var/log/nginx/access.log;', '', '\t##', '\t# Gzip Settings', '\t##', '',
    '\tgzip on;', '', '\t##', '\t# Virtual Host Configs', '\t##', '', '\tinclude /etc/nginx/conf.d/*.conf;', '\tinclude /etc/nginx/sites-enabled/*;', '}', '',
  ].join('\n'),
  '/etc/nginx/sites-available/default': '##\n# You should look at the following URL\'s in order to grasp a solid understanding\n# of Nginx configuration files in order to fully unleash the power of Nginx.\n##\n\n# Default server configuration\n#\nserver {\n\tlisten 80 default_server;\n\tlisten [::]:80 default_server;\n\n\troot /var/www/html;\n\n\t# Add index.php to the list if you are using PHP\n\tindex index.html index.htm index.nginx-debian.html;\n\n\tserver_name _;\n\n\tlocation / {\n\t\t# First attempt to serve request as file, then\n\t\t# as directory, then fall back to displaying a 404.\n\t\ttry_files $uri $uri/ =404;\n\t}\n}\n',
  '/etc/nginx/mime.types': '\ntypes {\n    text/html                                        html htm shtml;\n    text/css                                         css;\n    image/gif                                        gif;\n    image/jpeg                                       jpeg jpg;\n    application/javascript                           js;\n    text/plain                                       txt;\n    image/png                                        png;\n    application/json                                 json;\n}\n',
  '/var/www/html/index.nginx-debian.html': '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n\n<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n',
  '/etc/php/8.2/fpm/php-fpm.conf': ';;;;;;;;;;;;;;;;;;;;;\n; FPM Configuration ;\n;;;;;;;;;;;;;;;;;;;;;\n\n[global]\n; Pid file\npid = /run/php/php8.2-fpm.pid\n\n; Error log file\nerror_log = /var/log/php8.2-fpm.log\n\n;daemonize = yes\n\ninclude=/etc/php/8.2/fpm/pool.d/*.conf\n',
  '/etc/php/8.2/fpm/pool.d/www.conf': '; Start a new pool named \'www\'.\n[www]\n\nuser = www-data\ngroup = www-data\n\nlisten = /run/php/php8.2-fpm.sock\n\nlisten.owner = www-data\nlisten.group = www-data\n;listen.mode = 0660\n\npm = dynamic\npm.max_children = 5\npm.start_servers = 2\npm.min_spare_servers = 1\npm.max_spare_servers = 3\n',
  '/etc/php/8.2/cli/php.ini': '[PHP]\nengine = On\nshort_open_tag = Off\nmemory_limit = -1\ndisplay_errors = Off\nlog_errors = On\n',
  '/etc/php/8.2/fpm/php.ini': '[PHP]\nengine = On\nshort_open_tag = Off\nmemory_limit = 128M\ndisplay_errors = Off\nlog_errors = On\n',
  // Debian's /etc/nanorc, abridged to the settings it turns on (the rest of it is commented out).
  '/etc/nanorc': '## Sample initialization file for GNU nano.\n##\n## For the options that take parameters, the default value is shown.\n## Other options are unset by default.\n\n## Remember the used search/replace strings for the next session.\nset historylog\n\n## Enable vim-style lock-files.  This is just to let a vim user know you\n## are editing a file [s]he is trying to edit and vice versa.  There are\n## no plans to implement vim-style undo state in these files.\nset locking\n\n## Use the end of the title bar for some state flags: I = auto-indenting,\n## M = mark, L = hard-wrapping long lines, R = recording, S = soft-wrapping.\nset stateflags\n\n## To include most of the existing syntax definitions, you can do:\ninclude "/usr/share/nano/*.nanorc"\n',
  '/etc/ca-certificates.conf': '# This file lists certificates that you wish to use or to ignore to be\n# installed in /etc/ssl/certs.\nmozilla/ACCVRAIZ1.crt\nmozilla/AC_RAIZ_FNMT-RCM.crt\nmozilla/Actalis_Authentication_Root_CA.crt\n',
};

const FILES: Record<string, string> = {
  'base-files': 'f /usr/lib/os-release\nl /etc/os-release ../usr/lib/os-release\nc /etc/debian_version\nc /etc/issue\nd /var/log\nd /var/cache\nd /var/lib\nd /home\nd /root 700\nd /tmp 1777\nd /run\nl /var/run /run\nd /srv\nd /opt\nd /mnt',
  'base-passwd': 'f /etc/passwd\nf /etc/group',
  apt: `x /usr/bin/apt apt\nx /usr/bin/apt-get apt-get\nc /etc/apt/sources.list.d/debian.sources\nd /var/lib/apt/lists/partial 700\nd /var/cache/apt/archives/partial 700\n${Object.keys(DOCKER_APT).map((k) => `f /etc/apt/apt.conf.d/${k}`).join('\n')}`,
  bash: 'x /bin/bash bash\nc /etc/bash.bashrc\nc /etc/profile',
  dash: 'x /bin/dash sh\nl /bin/sh dash',
  mawk: 'x /usr/bin/mawk awk\nl /usr/bin/awk /etc/alternatives/awk\nl /etc/alternatives/awk /usr/bin/mawk',
  mount: 'x /bin/mount mount\nx /bin/umount umount',
  procps: ['ps', 'top', 'kill', 'pkill', 'pgrep', 'free', 'uptime', 'watch', 'vmstat'].map((c) => `x /usr/bin/${c} ${c}`).join('\n'),
  curl: 's /usr/bin/curl curl 7.88.1',
  wget: 's /usr/bin/wget wget 1.21.3',
  iproute2: 's /bin/ip ip 6.1.0\ng /sbin/tc 2\ng /bin/ss 1',
  'python3.11-minimal': 's /usr/bin/python3.11 python3 3.11.2\ng /usr/lib/python3.11/os.py 1',
  'python3-minimal': 'l /usr/bin/python3 python3.11',
  git: 's /usr/bin/git git 2.39.5\ng /usr/lib/git-core/git-remote-http 1\ng /usr/share/git-core/templates/description 0.01',
  stress: 'x /usr/bin/stress stress',
  tree: 'x /usr/bin/tree tree',
  'vim-tiny': 'x /usr/bin/vim.tiny vim.tiny\nl /usr/bin/vi /etc/alternatives/vi\nl /etc/alternatives/vi /usr/bin/vim.tiny',
  less: 'x /bin/less less\nx /bin/more more',
  jq: 'x /usr/bin/jq jq',
  'ca-certificates': 'c /etc/ca-certificates.conf\ng /usr/share/ca-certificates/mozilla/ISRG_Root_X1.crt 1\ng /usr/sbin/update-ca-certificates 1\nd /etc/ssl/certs',
  openssl: 's /usr/bin/openssl openssl 3.0.15\nd /etc/ssl/private 700',
  'nginx-common': 'c /etc/nginx/nginx.conf\nc /etc/nginx/mime.types\nc /etc/nginx/sites-available/default\nl /etc/nginx/sites-enabled/default /etc/nginx/sites-available/default\nd /etc/nginx/conf.d\nd /etc/nginx/modules-enabled\nf /var/www/html/index.nginx-debian.html\nd /var/log/nginx 755\nd /var/lib/nginx',
  nginx: 'x /usr/sbin/nginx nginx',
  'php8.2-cli': 'x /usr/bin/php8.2 php\nl /usr/bin/php /etc/alternatives/php\nl /etc/alternatives/php /usr/bin/php8.2\nc /etc/php/8.2/cli/php.ini',
  'php8.2-fpm': 'x /usr/sbin/php-fpm8.2 php-fpm\nc /etc/php/8.2/fpm/php-fpm.conf\nc /etc/php/8.2/fpm/pool.d/www.conf\nc /etc/php/8.2/fpm/php.ini\nd /run/php 755 www-data:www-data',
  'perl-base': 's /usr/bin/perl perl 5.36.0',
  'nano': 'x /bin/nano nano\nc /etc/nanorc\nl /usr/bin/editor /etc/alternatives/editor\nl /etc/alternatives/editor /bin/nano\nl /usr/bin/pico /etc/alternatives/pico\nl /etc/alternatives/pico /bin/nano',
  'apache2-bin': 'g /usr/sbin/apache2 1\ng /usr/lib/apache2/modules/mod_mpm_event.so 1',
  'apache2': 'd /etc/apache2\nd /var/www/html\nd /var/log/apache2 750 root:adm',
  'coreutils': [bins('/bin', 'cat chgrp chmod chown cp date dd df dir echo false ln ls mkdir mknod mktemp mv pwd readlink rm rmdir sleep stty sync touch true uname vdir'), bins('/usr/bin', '[ arch b2sum base32 base64 basename basenc cksum comm csplit cut dircolors dirname du env expand expr factor fmt fold groups head hostid id install join link logname md5sum mkfifo nice nl nohup nproc numfmt od paste pathchk printenv printf realpath seq sha1sum sha224sum sha256sum sha384sum sha512sum shred shuf sort split stat sum tac tail tee test timeout tr truncate tsort tty unexpand uniq unlink wc whoami yes'), bins('/usr/sbin', 'chroot')].join('\n'),
  // which is a script of debianutils' reached through the alternatives system.
  'debianutils': 'x /usr/bin/which.debianutils which\nl /usr/bin/which /etc/alternatives/which\nl /etc/alternatives/which /usr/bin/which.debianutils',
  'diffutils': bins('/usr/bin', 'cmp diff'),
  'ncurses-bin': bins('/usr/bin', 'clear tput tset') + '\nl /usr/bin/reset tset',
  'dpkg': bins('/usr/bin', 'dpkg dpkg-query'),
  'findutils': bins('/usr/bin', 'find xargs'),
  'grep': bins('/bin', 'egrep fgrep grep'),
  'gzip': bins('/bin', 'gunzip gzip zcat'),
  'sed': bins('/bin', 'sed'),
  'sysvinit-utils': bins('/bin', 'pidof'),
  'tar': bins('/bin', 'tar'),
  'util-linux': [bins('/bin', 'dmesg more'), bins('/sbin', 'pivot_root'), bins('/usr/bin', 'lsns nsenter unshare')].join('\n'),
};

const COLUMNS = ['name', 'version', 'arch', 'isizeK', 'dsize', 'section', 'priority', 'multiArch', 'essential', 'depends', 'recommends', 'maintainer', 'summary'] as const;

function parse(): Pkg[] {
  return parseTable(TABLE, [...COLUMNS]).map((p) => ({
    ...p,
    maintainer: p.maintainer.startsWith('@') ? MAINTAINERS[Number(p.maintainer.slice(1))]! : p.maintainer,
  }));
}

const BOOKWORM_BASE = `adduser apt base-files base-passwd bash bsdutils coreutils dash debconf debian-archive-keyring debianutils diffutils
  dpkg e2fsprogs findutils gcc-12-base gpgv grep gzip hostname init-system-helpers libacl1 libapt-pkg6.0 libattr1 libaudit-common
  libaudit1 libblkid1 libbz2-1.0 libc-bin libc6 libcap-ng0 libcap2 libcom-err2 libcrypt1 libdb5.3 libdebconfclient0 libext2fs2
  libffi8 libgcc-s1 libgcrypt20 libgmp10 libgnutls30 libgpg-error0 libhogweed6 libidn2-0 liblz4-1 liblzma5 libmd0 libmount1
  libnettle8 libp11-kit0 libpam-modules libpam-modules-bin libpam-runtime libpam0g libpcre2-8-0 libseccomp2 libselinux1
  libsemanage-common libsemanage2 libsepol2 libsmartcols1 libss2 libstdc++6 libsystemd0 libtasn1-6 libtinfo6 libudev1
  libunistring2 libuuid1 libxxhash0 libzstd1 login logsave mawk mount ncurses-base ncurses-bin passwd perl-base sed
  sysvinit-utils tar tzdata usr-is-merged util-linux util-linux-extra zlib1g`.split(/\s+/);

function catalog(id: string, list: Pkg[], conf: Record<string, string>, base: string[], provides: Array<[string, string]>): Catalog {
  const packages = indexPackages(list);
  for (const [name, specs] of Object.entries(FILES)) if (packages.has(name)) addFiles(packages, { [name]: specs });
  return { family: 'deb', id, packages, conf, base, provides: new Map(provides), modules: {} };
}

export const BOOKWORM: Catalog = catalog('debian-12', parse(), CONF, BOOKWORM_BASE, [
  ['awk', 'mawk'], ['python', 'python3'], ['vim', 'vim-tiny'], ['iproute', 'iproute2'], ['ip', 'iproute2'], ['ps', 'procps'],
  ['procps-ng', 'procps'], ['php-fpm', 'php8.2-fpm'], ['httpd', 'apache2'], ['apache2-api-20120211', 'apache2-bin'],
  ['perlapi-5.36.0', 'perl-base'], ['systemd-sysv', 'systemd'],
]);

// ---- Ubuntu 24.04: Debian's table with Ubuntu's names and versions -------------------------------

const RENAME: Record<string, string> = {
  libssl3: 'libssl3t64', libcurl4: 'libcurl4t64', 'libcurl3-gnutls': 'libcurl3t64-gnutls', 'libapt-pkg6.0': 'libapt-pkg6.0t64',
  libgnutls30: 'libgnutls30t64', libhogweed6: 'libhogweed6t64', libnettle8: 'libnettle8t64', 'libdb5.3': 'libdb5.3t64',
  libext2fs2: 'libext2fs2t64', libunistring2: 'libunistring5', 'gcc-12-base': 'gcc-14-base', libreadline8: 'libreadline8t64',
  libpsl5: 'libpsl5t64', 'libldap-2.5-0': 'libldap2', libapr1: 'libapr1t64', libaprutil1: 'libaprutil1t64', libelf1: 'libelf1t64',
  libmagic1: 'libmagic1t64', libtirpc3: 'libtirpc3t64', libicu72: 'libicu74', 'python3.11': 'python3.12',
  'python3.11-minimal': 'python3.12-minimal', 'libpython3.11-minimal': 'libpython3.12-minimal', 'libpython3.11-stdlib': 'libpython3.12-stdlib',
  'php8.2': 'php8.3', 'php8.2-cli': 'php8.3-cli', 'php8.2-common': 'php8.3-common', 'php8.2-fpm': 'php8.3-fpm', 'php8.2-opcache': 'php8.3-opcache',
  'php8.2-readline': 'php8.3-readline', 'libapache2-mod-php8.2': 'libapache2-mod-php8.3', 'debian-archive-keyring': 'ubuntu-keyring',
  'libssh2-1': 'libssh-4', 'libsasl2-2': 'libsasl2-2', 'libcryptsetup12': 'libcryptsetup12',
};

const NOBLE_VERSIONS = `base-files 13ubuntu10.2|bash 5.2.21-2ubuntu4|coreutils 9.4-3ubuntu6|dash 0.5.12-6ubuntu5|libc6 2.39-0ubuntu8.4|libc-bin 2.39-0ubuntu8.4
  apt 2.8.3|libapt-pkg6.0t64 2.8.3|dpkg 1.22.6ubuntu6.1|grep 3.11-4build1|sed 4.9-2build1|tar 1.35+dfsg-3build1|gzip 1.12-1ubuntu3
  findutils 4.9.0-5build1|diffutils 1:3.10-1build1|util-linux 2.39.3-9ubuntu6.2|mount 2.39.3-9ubuntu6.2|libblkid1 2.39.3-9ubuntu6.2
  libmount1 2.39.3-9ubuntu6.2|libsmartcols1 2.39.3-9ubuntu6.2|libuuid1 2.39.3-9ubuntu6.2|bsdutils 1:2.39.3-9ubuntu6.2
  e2fsprogs 1.47.0-2.4~exp1ubuntu4.1|logsave 1.47.0-2.4~exp1ubuntu4.1|libext2fs2t64 1.47.0-2.4~exp1ubuntu4.1|libss2 1.47.0-2.4~exp1ubuntu4.1
  libcom-err2 1.47.0-2.4~exp1ubuntu4.1|perl-base 5.38.2-3.2ubuntu0.1|procps 2:4.0.4-4ubuntu3.2|libproc2-0 2:4.0.4-4ubuntu3.2
  ncurses-base 6.4+20240113-1ubuntu2|ncurses-bin 6.4+20240113-1ubuntu2|libncursesw6 6.4+20240113-1ubuntu2|libtinfo6 6.4+20240113-1ubuntu2
  libssl3t64 3.0.13-0ubuntu3.5|openssl 3.0.13-0ubuntu3.5|zlib1g 1:1.3.dfsg-3.1ubuntu2.1|libzstd1 1.5.5+dfsg2-2build1.1
  liblzma5 5.6.1+really5.4.5-1ubuntu0.2|libsystemd0 255.4-1ubuntu8.6|libudev1 255.4-1ubuntu8.6|systemd 255.4-1ubuntu8.6
  libsystemd-shared 255.4-1ubuntu8.6|libstdc++6 14.2.0-4ubuntu2~24.04|libgcc-s1 14.2.0-4ubuntu2~24.04|gcc-14-base 14.2.0-4ubuntu2~24.04
  libpam0g 1.5.3-5ubuntu5.1|libpam-modules 1.5.3-5ubuntu5.1|libpam-modules-bin 1.5.3-5ubuntu5.1|libpam-runtime 1.5.3-5ubuntu5.1
  passwd 1:4.13+dfsg1-4ubuntu3.2|login 1:4.13+dfsg1-4ubuntu3.2|ubuntu-keyring 2023.11.28.1|gpgv 2.4.4-2ubuntu17.2
  debconf 1.5.86ubuntu1|debianutils 5.17build1|init-system-helpers 1.66ubuntu1|mawk 1.3.4.20240123-1build1|hostname 3.23+nmu2ubuntu2
  sensible-utils 0.0.22|sysvinit-utils 3.08-6ubuntu3|curl 8.5.0-2ubuntu10.6|libcurl4t64 8.5.0-2ubuntu10.6|libcurl3t64-gnutls 8.5.0-2ubuntu10.6
  wget 1.21.4-1ubuntu4.1|ca-certificates 20240203|iproute2 6.1.0-1ubuntu6|python3 3.12.3-0ubuntu2|python3-minimal 3.12.3-0ubuntu2
  python3.12 3.12.3-1ubuntu0.5|python3.12-minimal 3.12.3-1ubuntu0.5|libpython3.12-minimal 3.12.3-1ubuntu0.5|libpython3.12-stdlib 3.12.3-1ubuntu0.5
  libpython3-stdlib 3.12.3-0ubuntu2|git 1:2.43.0-1ubuntu7.2|git-man 1:2.43.0-1ubuntu7.2|stress 1.0.7-1|tree 2.1.1-2ubuntu3
  vim-tiny 2:9.1.0016-1ubuntu7.8|vim-common 2:9.1.0016-1ubuntu7.8|xxd 2:9.1.0016-1ubuntu7.8|less 590-2ubuntu2.1|jq 1.7.1-3build1|libjq1 1.7.1-3build1
  nginx 1.24.0-2ubuntu7.3|nginx-common 1.24.0-2ubuntu7.3|php 2:8.3+93ubuntu2|php-cli 2:8.3+93ubuntu2|php-fpm 2:8.3+93ubuntu2|php-common 2:93ubuntu2
  php8.3 8.3.6-0ubuntu0.24.04.4|php8.3-cli 8.3.6-0ubuntu0.24.04.4|php8.3-common 8.3.6-0ubuntu0.24.04.4|php8.3-fpm 8.3.6-0ubuntu0.24.04.4
  php8.3-opcache 8.3.6-0ubuntu0.24.04.4|php8.3-readline 8.3.6-0ubuntu0.24.04.4|libapache2-mod-php8.3 8.3.6-0ubuntu0.24.04.4
  apache2 2.4.58-1ubuntu8.6|apache2-bin 2.4.58-1ubuntu8.6|apache2-data 2.4.58-1ubuntu8.6|apache2-utils 2.4.58-1ubuntu8.6
  libicu74 74.2-1ubuntu3.1|tzdata 2024a-3ubuntu1.1|adduser 3.137ubuntu1|libgnutls30t64 3.8.3-1.1ubuntu3.3|libunistring5 1.1-2build1.1`;

/** A version for a package Ubuntu rebuilt without changing it: Debian's, rebuilt. */
function rebuilt(version: string): string {
  return version.replace(/([+~]deb\d+u\d+|\+b\d+)+$/, '').replace(/(-[^-]*)?$/, (m) => `${m || '-1'}build1`);
}

function noble(): Catalog {
  const versions = new Map(NOBLE_VERSIONS.split('|').map((s) => s.trim().split(' ') as [string, string]));
  const rn = (n: string): string => RENAME[n] ?? n;
  const list = parse().map((p) => {
    const name = rn(p.name);
    const version = versions.get(name) ?? rebuilt(p.version);
    const maintainer = 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>';
    return { ...p, name, version, maintainer, depends: p.depends.map(rn), recommends: p.recommends.map(rn), files: [] };
  });
  const conf: Record<string, string> = {
    ...CONF,
    '/usr/lib/os-release': 'PRETTY_NAME="Ubuntu 24.04.2 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.2 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=noble\nLOGO=ubuntu-logo\n',
    '/etc/debian_version': 'trixie/sid\n',
    '/etc/issue': 'Ubuntu 24.04.2 LTS \\n \\l\n\n',
    '/etc/apt/sources.list.d/ubuntu.sources': 'Types: deb\nURIs: http://archive.ubuntu.com/ubuntu/\nSuites: noble noble-updates noble-backports\nComponents: main universe restricted multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n\nTypes: deb\nURIs: http://security.ubuntu.com/ubuntu/\nSuites: noble-security\nComponents: main universe restricted multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n',
    '/etc/dpkg/dpkg.cfg.d/excludes': '# Drop all man pages\npath-exclude=/usr/share/man/*\n\n# Drop all documentation ...\npath-exclude=/usr/share/doc/*\n\n# ... except copyright files ...\npath-include=/usr/share/doc/*/copyright\n\n# Drop all translations\npath-exclude=/usr/share/locale/*/LC_MESSAGES/*.mo\n',
    '/etc/passwd': `${CONF['/etc/passwd']!.replace(/\n_apt:.*\n/, '\n_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\n')}ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n`,
    '/etc/group': `${CONF['/etc/group']}ubuntu:x:1000:\n`,
  };
  for (const [from, to] of Object.entries({ '/etc/php/8.2/fpm/php-fpm.conf': '/etc/php/8.3/fpm/php-fpm.conf', '/etc/php/8.2/fpm/pool.d/www.conf': '/etc/php/8.3/fpm/pool.d/www.conf', '/etc/php/8.2/cli/php.ini': '/etc/php/8.3/cli/php.ini', '/etc/php/8.2/fpm/php.ini': '/etc/php/8.3/fpm/php.ini' })) {
    conf[to] = conf[from]!.replace(/8\.2/g, '8.3');
  }
  const base = [...BOOKWORM_BASE.filter((n) => !['debian-archive-keyring', 'usr-is-merged', 'util-linux-extra', 'tzdata', 'libcrypt1'].includes(n)).map(rn),
    'libcrypt1', 'libncursesw6', 'libproc2-0', 'procps', 'sensible-utils', 'libssl3t64'];
  const cat = catalog('ubuntu-24.04', list, conf, [...new Set(base)], [
    ['awk', 'mawk'], ['vim', 'vim-tiny'], ['iproute', 'iproute2'], ['ip', 'iproute2'], ['ps', 'procps'], ['procps-ng', 'procps'],
    ['php-fpm', 'php8.3-fpm'], ['httpd', 'apache2'], ['apache2-api-20120211', 'apache2-bin'], ['perlapi-5.36.0', 'perl-base'], ['systemd-sysv', 'systemd'],
  ]);
  // Ubuntu's own files where they differ from Debian's.
  const swap = (name: string, from: RegExp, to: string): void => {
    for (const p of cat.packages.get(name) ?? []) p.files = p.files.map((f) => f.replace(from, to));
  };
  for (const [name, specs] of Object.entries(FILES)) {
    const nn = rn(name);
    if (nn !== name && cat.packages.has(nn)) addFiles(cat.packages, { [nn]: specs });
  }
  swap('apt', /debian\.sources/, 'ubuntu.sources');
  for (const p of cat.packages.get('base-files') ?? []) p.files.push('f /etc/dpkg/dpkg.cfg.d/excludes');
  swap('php8.3-cli', /8\.2/g, '8.3');
  swap('php8.3-fpm', /8\.2/g, '8.3');
  swap('curl', /7\.88\.1/, '8.5.0');
  swap('wget', /1\.21\.3/, '1.21.4');
  swap('python3.12-minimal', /python3\.11/g, 'python3.12');
  swap('python3.12-minimal', / 3\.11\.2$/, ' 3.12.3');
  swap('python3-minimal', /python3\.11/g, 'python3.12');
  swap('git', /2\.39\.5/, '2.43.0');
  swap('vim-tiny', /9\.0\.1378/, '9.1.0016');
  return cat;
}

export const NOBLE: Catalog = noble();
