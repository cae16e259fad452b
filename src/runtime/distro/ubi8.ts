// Red Hat Universal Base Image 8 (8.1, late 2019): the packages of the ubi8/ubi:8.1 image and
// of the UBI repositories that a Dockerfile's `yum install` reaches (httpd, php and their
// dependencies; nginx; the usual tools). Versions, sizes and dependencies follow RHEL 8.1's
// packages; php comes in two module streams, 7.2 (the default) and 7.3. Sizes are KiB.

import { addFiles, amend, indexPackages, parseTable, type Catalog } from './types.ts';

// name|epoch|version-release|arch|installed KiB|download KiB|repo|requires|weak requires|group|license|summary
const TABLE = `
acl|0|2.2.53-1.el8|x86_64|205|81|ubi-8-baseos|libacl glibc||Unspecified|GPLv2+|Access control list utilities
audit-libs|0|3.0-0.13.20190507gitf58ec40.el8|x86_64|293|116|ubi-8-baseos|glibc libcap-ng||Unspecified|LGPLv2+|Dynamic library for libaudit
basesystem|0|11-5.el8|noarch|0|10|ubi-8-baseos|filesystem setup||Unspecified|Public Domain|The skeleton package which defines a simple Red Hat Enterprise Linux system
bash|0|4.4.19-10.el8|x86_64|6930|1580|ubi-8-baseos|filesystem glibc ncurses-libs||Unspecified|GPLv3+|The GNU Bourne Again shell
brotli|0|1.0.6-1.el8|x86_64|808|323|ubi-8-baseos|glibc||Unspecified|MIT|Lossless compression algorithm
bzip2-libs|0|1.0.6-26.el8|x86_64|73|48|ubi-8-baseos|glibc||Unspecified|BSD|Libraries for applications using bzip2
ca-certificates|0|2019.2.32-80.0.el8_1|noarch|930|399|ubi-8-baseos|p11-kit-trust coreutils-single||Unspecified|Public Domain|The Mozilla CA root certificate bundle
chkconfig|0|1.11-1.el8|x86_64|784|188|ubi-8-baseos|glibc popt libselinux||Unspecified|GPLv2|A system tool for maintaining the /etc/rc*.d hierarchy
coreutils-single|0|8.30-6.el8|x86_64|1350|630|ubi-8-baseos|glibc libacl libattr libcap openssl-libs||Unspecified|GPLv3+|coreutils multicall binary
cracklib|0|2.9.6-15.el8|x86_64|242|93|ubi-8-baseos|glibc zlib||Unspecified|LGPLv2+|A password-checking library
cracklib-dicts|0|2.9.6-15.el8|x86_64|9815|4000|ubi-8-baseos|cracklib||Unspecified|LGPLv2+|The standard CrackLib dictionaries
crypto-policies|0|20191128-2.git23e1bf1.el8|noarch|180|62|ubi-8-baseos|||Unspecified|LGPLv2+|System-wide crypto policies
curl|0|7.61.1-11.el8|x86_64|684|352|ubi-8-baseos|libcurl glibc openssl-libs zlib||Unspecified|MIT|A utility for getting files from remote servers (FTP, HTTP, and others)
cyrus-sasl-lib|0|2.1.27-1.el8|x86_64|734|123|ubi-8-baseos|glibc krb5-libs libdb||Unspecified|BSD with advertising|Shared libraries needed by applications which use Cyrus SASL
dbus-libs|1|1.12.8-9.el8|x86_64|430|183|ubi-8-baseos|glibc systemd-libs||Unspecified|(GPLv2+ or AFL) and GPLv2+|Libraries for accessing D-BUS
dnf|0|4.2.7-7.el8_1|noarch|1960|388|ubi-8-baseos|python3-dnf||Unspecified|GPLv2+ and GPLv2 and GPL|Package manager
dnf-data|0|4.2.7-7.el8_1|noarch|37|140|ubi-8-baseos|libreport-filesystem||Unspecified|GPLv2+ and GPLv2 and GPL|Common data and configuration files for DNF
dnf-plugin-subscription-manager|0|1.25.17-1.el8|x86_64|53|151|ubi-8-baseos|python3-subscription-manager-rhsm dnf||Unspecified|GPLv2|Subscription Manager plugins for DNF
elfutils-libelf|0|0.176-5.el8|x86_64|917|209|ubi-8-baseos|glibc zlib||Unspecified|GPLv2+ or LGPLv3+|Library to read and write ELF files
expat|0|2.2.5-3.el8|x86_64|312|111|ubi-8-baseos|glibc||Unspecified|MIT|An XML parser library
file-libs|0|5.33-8.el8|x86_64|6168|542|ubi-8-baseos|glibc zlib||Unspecified|BSD|Libraries for applications using libmagic
filesystem|0|3.8-2.el8|x86_64|0|1136|ubi-8-baseos|setup||Unspecified|Public Domain|The basic directory layout for a Linux system
findutils|1|4.6.0-20.el8|x86_64|1846|528|ubi-8-baseos|glibc libselinux||Unspecified|GPLv3+|The GNU versions of find utilities (find and xargs)
gawk|0|4.2.1-1.el8|x86_64|2702|1176|ubi-8-baseos|glibc gmp mpfr readline||Unspecified|GPLv3+ and GPLv2+ and LGPLv2+ and BSD|The GNU version of the AWK text processing utility
gdbm-libs|1|1.18-1.el8|x86_64|135|61|ubi-8-baseos|glibc||Unspecified|GPLv3+|Libraries files for gdbm
glib2|0|2.56.4-8.el8|x86_64|11730|2569|ubi-8-baseos|glibc libffi pcre libmount zlib||Unspecified|LGPLv2+|A library of handy utility functions
glibc|0|2.28-72.el8|x86_64|15320|3741|ubi-8-baseos|glibc-common basesystem||Unspecified|LGPLv2+ and LGPLv2+ with exceptions and GPLv2+|The GNU libc libraries
glibc-common|0|2.28-72.el8|x86_64|8400|1040|ubi-8-baseos|glibc tzdata||Unspecified|LGPLv2+ and LGPLv2+ with exceptions and GPLv2+|Common binaries and locale data for glibc
glibc-minimal-langpack|0|2.28-72.el8|x86_64|0|45|ubi-8-baseos|glibc glibc-common||Unspecified|LGPLv2+ and LGPLv2+ with exceptions and GPLv2+|Minimal language packs for glibc.
gmp|1|6.1.2-10.el8|x86_64|1658|322|ubi-8-baseos|glibc||Unspecified|LGPLv3+ or GPLv2+|A GNU arbitrary precision library
gnupg2|0|2.2.9-1.el8|x86_64|9436|2527|ubi-8-baseos|glibc libgcrypt libgpg-error libassuan libksba npth||Unspecified|GPLv3+|Utility for secure communication and data storage
gnutls|0|3.6.8-8.el8|x86_64|2737|1013|ubi-8-baseos|glibc nettle p11-kit libtasn1 libidn2 libunistring||Unspecified|GPLv3+ and LGPLv2+|A TLS protocol implementation
gobject-introspection|0|1.56.1-1.el8|x86_64|882|257|ubi-8-baseos|glib2||Unspecified|GPLv2+, LGPLv2+, MIT|Introspection system for GObject-based libraries
gpgme|0|1.10.0-6.el8.0.1|x86_64|730|189|ubi-8-baseos|gnupg2 glibc libassuan libgpg-error||Unspecified|LGPLv2+|GnuPG Made Easy - high level crypto API
grep|0|3.1-6.el8|x86_64|820|274|ubi-8-baseos|glibc pcre||Unspecified|GPLv3+|Pattern matching utilities
gzip|0|1.9-9.el8|x86_64|356|167|ubi-8-baseos|glibc||Unspecified|GPLv3+ and GFDL|The GNU data compression program
info|0|6.5-6.el8|x86_64|384|198|ubi-8-baseos|glibc ncurses-libs zlib||Unspecified|GPLv3+|A stand-alone TTY-based reader for GNU texinfo documentation
json-c|0|0.13.1-0.2.el8|x86_64|66|40|ubi-8-baseos|glibc||Unspecified|MIT|JSON implementation in C
keyutils-libs|0|1.5.10-6.el8|x86_64|45|34|ubi-8-baseos|glibc||Unspecified|GPLv2+ and LGPLv2+|Key utilities library
krb5-libs|0|1.17-9.el8|x86_64|2272|840|ubi-8-baseos|glibc keyutils-libs libcom_err openssl-libs||Unspecified|MIT|The non-admin shared libraries used by Kerberos 5
libacl|0|2.2.53-1.el8|x86_64|59|35|ubi-8-baseos|libattr glibc||Unspecified|LGPLv2+|Dynamic library for access control list support
libarchive|0|3.3.2-7.el8|x86_64|815|359|ubi-8-baseos|glibc bzip2-libs libacl libxml2 lz4-libs openssl-libs xz-libs zlib||Unspecified|BSD|A library for handling streaming archive formats
libassuan|0|2.5.1-3.el8|x86_64|199|83|ubi-8-baseos|glibc libgpg-error||Unspecified|LGPLv2+ and GPLv3+|GnuPG IPC library
libattr|0|2.4.48-3.el8|x86_64|27|27|ubi-8-baseos|glibc||Unspecified|LGPLv2+|Dynamic library for extended attribute support
libblkid|0|2.32.1-17.el8|x86_64|347|215|ubi-8-baseos|glibc libuuid||Unspecified|LGPLv2+|Block device ID library
libcap|0|2.26-1.el8|x86_64|153|60|ubi-8-baseos|glibc||Unspecified|GPLv2|Library for getting and setting POSIX.1e capabilities
libcap-ng|0|0.7.9-5.el8|x86_64|50|33|ubi-8-baseos|glibc||Unspecified|LGPLv2+|An alternate posix capabilities library
libcom_err|0|1.44.6-3.el8|x86_64|59|48|ubi-8-baseos|glibc||Unspecified|MIT|Common error description library
libcomps|0|0.1.11-3.el8|x86_64|214|82|ubi-8-baseos|glibc expat libxml2 zlib||Unspecified|GPLv2+|Comps XML file manipulation library
libcurl|0|7.61.1-11.el8|x86_64|572|300|ubi-8-baseos|glibc krb5-libs libnghttp2 libssh openssl-libs zlib||Unspecified|MIT|A library for getting files from web servers
libdb|0|5.3.28-37.el8|x86_64|2048|765|ubi-8-baseos|glibc||Unspecified|BSD and LGPLv2 and Sleepycat|The Berkeley DB database library for C
libdb-utils|0|5.3.28-37.el8|x86_64|375|150|ubi-8-baseos|libdb glibc||Unspecified|BSD and LGPLv2 and Sleepycat|Command line tools for managing Berkeley DB databases
libdnf|0|0.35.1-9.el8_1|x86_64|2038|558|ubi-8-baseos|glib2 libsolv librepo libmodulemd1 rpm-libs sqlite-libs||Unspecified|LGPLv2+|Library providing simplified C and Python API to libsolv
libffi|0|3.1-21.el8|x86_64|53|37|ubi-8-baseos|glibc||Unspecified|MIT|A portable foreign function interface library
libgcc|0|8.3.1-4.5.el8|x86_64|193|78|ubi-8-baseos|glibc||Unspecified|GPLv3+ and GPLv3+ with exceptions and GPLv2+ with exceptions and LGPLv2+ and BSD|GCC version 8 shared support library
libgcrypt|0|1.8.3-4.el8|x86_64|1245|447|ubi-8-baseos|glibc libgpg-error||Unspecified|LGPLv2+|A general-purpose cryptography library
libgpg-error|0|1.31-1.el8|x86_64|892|240|ubi-8-baseos|glibc||Unspecified|LGPLv2+|Library for error values used by GnuPG components
libidn2|0|2.2.0-1.el8|x86_64|285|94|ubi-8-baseos|glibc libunistring||Unspecified|(GPLv2+ or LGPLv3+) and GPLv3+|Library to support IDNA2008 internationalized domain names
libksba|0|1.3.5-7.el8|x86_64|341|135|ubi-8-baseos|glibc libgpg-error||Unspecified|(LGPLv3+ or GPLv2+) and GPLv3+|CMS and X.509 library
libmodulemd1|0|1.8.16-0.2.7.1.0|x86_64|491|163|ubi-8-baseos|glib2 libyaml||Unspecified|MIT|Compatibility package for libmodulemd 1.x
libmount|0|2.32.1-17.el8|x86_64|390|231|ubi-8-baseos|glibc libblkid libselinux libuuid||Unspecified|LGPLv2+|Device mounting library
libnghttp2|0|1.33.0-1.el8_0.1|x86_64|170|77|ubi-8-baseos|glibc||Unspecified|MIT|A library implementing the HTTP/2 protocol
libnsl2|0|1.2.0-2.20180605git4a062cf.el8|x86_64|148|58|ubi-8-baseos|glibc libtirpc||Unspecified|BSD and LGPLv2+|Public client interface library for NIS(YP) and NIS+
libpsl|0|0.20.2-5.el8|x86_64|71|61|ubi-8-baseos|glibc libidn2 libunistring||Unspecified|MIT|C library for the Publix Suffix List
libpwquality|0|1.4.0-9.el8|x86_64|400|101|ubi-8-baseos|cracklib pam||Unspecified|BSD or GPLv2+|A library for password generation and quality checking
librepo|0|1.10.3-3.el8_1|x86_64|222|88|ubi-8-baseos|glib2 gpgme libcurl libxml2 openssl-libs||Unspecified|LGPLv2+|Repodata downloading library
libreport-filesystem|0|2.9.5-9.el8|x86_64|0|18|ubi-8-baseos|||Unspecified|GPLv2+|Filesystem layout for libreport
libselinux|0|2.9-2.1.el8|x86_64|178|165|ubi-8-baseos|glibc pcre2 libsepol||Unspecified|Public Domain|SELinux library and simple utilities
libsemanage|0|2.9-1.el8|x86_64|332|165|ubi-8-baseos|audit-libs bzip2-libs libselinux libsepol||Unspecified|LGPLv2+|SELinux binary policy manipulation library
libsepol|0|2.9-1.el8|x86_64|752|339|ubi-8-baseos|glibc||Unspecified|LGPLv2+|SELinux binary policy manipulation library
libsigsegv|0|2.11-5.el8|x86_64|46|30|ubi-8-baseos|glibc||Unspecified|GPLv2+|Library for handling page faults in user mode
libsmartcols|0|2.32.1-17.el8|x86_64|236|175|ubi-8-baseos|glibc||Unspecified|LGPLv2+|Formatting library for ls-like programs.
libsolv|0|0.7.4-3.el8|x86_64|913|355|ubi-8-baseos|glibc libxml2 rpm-libs xz-libs zlib||Unspecified|BSD|Package dependency solver
libssh|0|0.9.0-4.el8|x86_64|491|215|ubi-8-baseos|glibc krb5-libs openssl-libs zlib||Unspecified|LGPLv2+|A library implementing the SSH protocol
libstdc++|0|8.3.1-4.5.el8|x86_64|1794|446|ubi-8-baseos|glibc libgcc||Unspecified|GPLv3+ and GPLv3+ with exceptions and GPLv2+ with exceptions and LGPLv2+ and BSD|GNU Standard C++ Library
libtasn1|0|4.13-3.el8|x86_64|167|76|ubi-8-baseos|glibc||Unspecified|GPLv3+ and LGPLv2+|The ASN.1 library used in GNUTLS
libtirpc|0|1.1.4-4.el8|x86_64|226|112|ubi-8-baseos|glibc krb5-libs||Unspecified|SISSL and BSD|Transport Independent RPC Library
libunistring|0|0.9.9-3.el8|x86_64|1813|422|ubi-8-baseos|glibc||Unspecified|GPLV2+ or LGPLv3+|GNU Unicode string library
libusbx|0|1.0.22-1.el8|x86_64|152|75|ubi-8-baseos|glibc systemd-libs||Unspecified|LGPLv2+|Library for accessing USB devices
libutempter|0|1.1.6-14.el8|x86_64|47|32|ubi-8-baseos|glibc||Unspecified|LGPLv2+|A privileged helper for utmp/wtmp updates
libuuid|0|2.32.1-17.el8|x86_64|34|93|ubi-8-baseos|glibc||Unspecified|BSD|Universally unique ID library
libverto|0|0.3.0-5.el8|x86_64|26|24|ubi-8-baseos|glibc||Unspecified|MIT|Main loop abstraction library
libxcrypt|0|4.1.1-4.el8|x86_64|184|73|ubi-8-baseos|glibc||Unspecified|LGPLv2+ and BSD and Public Domain|Extended crypt library for DES, MD5, Blowfish and others
libxml2|0|2.9.7-5.el8|x86_64|1931|696|ubi-8-baseos|glibc xz-libs zlib||Unspecified|MIT|Library providing XML and HTML support
libyaml|0|0.1.7-5.el8|x86_64|137|62|ubi-8-baseos|glibc||Unspecified|MIT|YAML 1.1 parser and emitter written in C
libzstd|0|1.4.2-2.el8|x86_64|707|262|ubi-8-baseos|glibc||Unspecified|BSD and GPLv2|Zstd shared library
lua-libs|0|5.3.4-11.el8|x86_64|244|118|ubi-8-baseos|glibc||Unspecified|MIT|Libraries for lua
lz4-libs|0|1.8.1.2-4.el8|x86_64|116|54|ubi-8-baseos|glibc||Unspecified|GPLv2+ and BSD|Libaries for lz4
mpfr|0|3.1.6-1.el8|x86_64|612|221|ubi-8-baseos|glibc gmp||Unspecified|LGPLv3+ and GPLv3+ and GFDL|A C library for multiple-precision floating-point computations
ncurses-base|0|6.1-7.20180224.el8|noarch|290|81|ubi-8-baseos|||Unspecified|MIT|Descriptions of common terminals
ncurses-libs|0|6.1-7.20180224.el8|x86_64|1034|334|ubi-8-baseos|glibc ncurses-base||Unspecified|MIT|Ncurses libraries
nettle|0|3.4.1-1.el8|x86_64|570|301|ubi-8-baseos|glibc gmp||Unspecified|LGPLv3+ or GPLv2+|A low-level cryptographic library
npth|0|1.5-4.el8|x86_64|48|26|ubi-8-baseos|glibc||Unspecified|LGPLv2+|The New GNU Portable Threads library
openldap|0|2.4.46-10.el8|x86_64|1020|352|ubi-8-baseos|glibc cyrus-sasl-lib nss openssl-libs||Unspecified|OpenLDAP|LDAP support libraries
openssl-libs|1|1.1.1c-2.el8|x86_64|3672|1485|ubi-8-baseos|glibc zlib crypto-policies ca-certificates||Unspecified|OpenSSL|A general purpose cryptography library with TLS implementation
p11-kit|0|0.23.14-5.el8_0|x86_64|1227|273|ubi-8-baseos|glibc libffi||Unspecified|BSD|Library for loading and sharing PKCS#11 modules
p11-kit-trust|0|0.23.14-5.el8_0|x86_64|453|137|ubi-8-baseos|p11-kit libtasn1||Unspecified|BSD|System trust module from p11-kit
pam|0|1.3.1-8.el8|x86_64|2632|738|ubi-8-baseos|glibc audit-libs cracklib libpwquality libselinux libtirpc libnsl2||Unspecified|BSD and GPLv2+|An extensible library which provides authentication for applications
pcre|0|8.42-4.el8|x86_64|516|207|ubi-8-baseos|glibc||Unspecified|BSD|Perl-compatible regular expression library
pcre2|0|10.32-1.el8|x86_64|658|246|ubi-8-baseos|glibc||Unspecified|BSD|Perl-compatible regular expression library
platform-python|0|3.6.8-15.1.el8|x86_64|40|80|ubi-8-baseos|python3-libs||Unspecified|Python|Internal interpreter of the Python programming language
platform-python-setuptools|0|39.2.0-5.el8|noarch|2919|632|ubi-8-baseos|platform-python||Unspecified|MIT|Easily build and distribute Python 3 packages
popt|0|1.16-14.el8|x86_64|133|62|ubi-8-baseos|glibc||Unspecified|MIT|C library for parsing command line parameters
python3-chardet|0|3.0.4-7.el8|noarch|908|195|ubi-8-baseos|platform-python||Unspecified|LGPLv2|Character encoding auto-detection in Python
python3-dateutil|1|2.6.1-6.el8|noarch|485|251|ubi-8-baseos|platform-python python3-six||Unspecified|BSD|Powerful extensions to the standard datetime module
python3-dbus|0|1.2.4-15.el8|x86_64|591|134|ubi-8-baseos|dbus-libs platform-python||Unspecified|MIT|D-Bus bindings for python3
python3-decorator|0|4.2.1-2.el8|noarch|51|27|ubi-8-baseos|platform-python||Unspecified|BSD|Module to simplify usage of decorators in python3
python3-dnf|0|4.2.7-7.el8_1|noarch|1744|537|ubi-8-baseos|dnf-data python3-gpg python3-hawkey python3-libcomps python3-libdnf python3-rpm||Unspecified|GPLv2+ and GPLv2 and GPL|Python 3 interface to DNF
python3-dnf-plugins-core|0|4.0.8-3.el8|noarch|704|193|ubi-8-baseos|python3-dnf python3-dateutil python3-dbus||Unspecified|GPLv2+|Core Plugins for DNF
python3-ethtool|0|0.14-3.el8|x86_64|121|44|ubi-8-baseos|platform-python libnl3||Unspecified|GPLv2|Python module to interface with ethtool
python3-gobject-base|0|3.28.3-1.el8|x86_64|1290|313|ubi-8-baseos|gobject-introspection platform-python||Unspecified|LGPLv2+ and MIT|Python 3 bindings for GObject Introspection base package
python3-gpg|0|1.10.0-6.el8.0.1|x86_64|1325|242|ubi-8-baseos|gpgme platform-python||Unspecified|LGPLv2+|gpgme bindings for Python 3
python3-hawkey|0|0.35.1-9.el8_1|x86_64|301|108|ubi-8-baseos|libdnf python3-libdnf||Unspecified|LGPLv2+|Python 3 bindings for the hawkey library
python3-idna|0|2.5-5.el8|noarch|459|97|ubi-8-baseos|platform-python||Unspecified|BSD and Python and Unicode|Internationalized Domain Names in Applications (IDNA)
python3-iniparse|0|0.4-31.el8|noarch|113|47|ubi-8-baseos|platform-python python3-six||Unspecified|MIT and Python|Python 3 Module for Accessing and Modifying Configuration Data in INI files
python3-inotify|0|0.9.6-13.el8|noarch|253|58|ubi-8-baseos|platform-python||Unspecified|MIT|Monitor filesystem events with Python under Linux
python3-libcomps|0|0.1.11-3.el8|x86_64|141|52|ubi-8-baseos|libcomps platform-python||Unspecified|GPLv2+|Python 3 bindings for libcomps library
python3-libdnf|0|0.35.1-9.el8_1|x86_64|3526|673|ubi-8-baseos|libdnf platform-python||Unspecified|LGPLv2+|Python 3 bindings for the libdnf library.
python3-libs|0|3.6.8-15.1.el8|x86_64|32700|7953|ubi-8-baseos|bzip2-libs expat gdbm-libs glibc libffi libxcrypt openssl-libs sqlite-libs xz-libs zlib python3-pip-wheel python3-setuptools-wheel||Unspecified|Python|Python runtime libraries
python3-pip-wheel|0|9.0.3-15.el8|noarch|1140|1122|ubi-8-baseos|||Unspecified|MIT and Python and ASL 2.0 and BSD and ISC and LGPLv2 and MPLv2.0 and (ASL 2.0 or BSD)|The pip wheel
python3-pysocks|0|1.6.8-3.el8|noarch|83|34|ubi-8-baseos|platform-python||Unspecified|BSD|A Python SOCKS client module
python3-requests|0|2.20.0-2.1.el8_1|noarch|394|123|ubi-8-baseos|platform-python python3-chardet python3-idna python3-urllib3||Unspecified|ASL 2.0|HTTP library, written in Python, for human beings
python3-rpm|0|4.14.2-25.el8|x86_64|369|156|ubi-8-baseos|platform-python rpm-libs||Unspecified|GPLv2+|Python 3 bindings for apps which will manipulate RPM packages
python3-setuptools-wheel|0|39.2.0-5.el8|noarch|348|289|ubi-8-baseos|||Unspecified|MIT|The setuptools wheel
python3-six|0|1.11.0-8.el8|noarch|97|38|ubi-8-baseos|platform-python||Unspecified|MIT|Python 2 and 3 compatibility utilities
python3-subscription-manager-rhsm|0|1.25.17-1.el8|x86_64|613|209|ubi-8-baseos|platform-python python3-dateutil python3-iniparse python3-six||Unspecified|GPLv2|A Python library to communicate with a Red Hat Unified Entitlement Platform
python3-syspurpose|0|1.25.17-1.el8|x86_64|105|64|ubi-8-baseos|platform-python||Unspecified|GPLv2|A commandline utility for declaring system syspurpose
python3-urllib3|0|1.24.2-2.el8|noarch|659|177|ubi-8-baseos|platform-python python3-pysocks python3-six||Unspecified|MIT|Python3 HTTP library with thread-safe connection pooling and file post
readline|0|7.0-10.el8|x86_64|466|199|ubi-8-baseos|glibc ncurses-libs||Unspecified|GPLv3+|A library for editing typed command lines
redhat-release|0|8.1-3.3.el8|x86_64|60|44|ubi-8-baseos|||Unspecified|GPLv2|Red Hat Enterprise Linux release file
rootfiles|0|8.1-22.el8|noarch|1|12|ubi-8-baseos|||Unspecified|Public Domain|The basic required files for the root user's directory
rpm|0|4.14.2-25.el8|x86_64|2096|538|ubi-8-baseos|rpm-libs popt libarchive||Unspecified|GPLv2+|The RPM package management system
rpm-build-libs|0|4.14.2-25.el8|x86_64|215|152|ubi-8-baseos|rpm-libs elfutils-libelf||Unspecified|GPLv2+ and LGPLv2+ with exceptions|Libraries for building and signing RPM packages
rpm-libs|0|4.14.2-25.el8|x86_64|740|333|ubi-8-baseos|glibc libacl bzip2-libs elfutils-libelf libdb lua-libs openssl-libs popt xz-libs zlib libzstd||Unspecified|GPLv2+ and LGPLv2+ with exceptions|Libraries for manipulating RPM packages
sed|0|4.5-1.el8|x86_64|766|298|ubi-8-baseos|glibc libacl libselinux||Unspecified|GPLv3+|A GNU stream text editor
setup|0|2.12.2-2.el8_1.1|noarch|724|181|ubi-8-baseos|||Unspecified|Public Domain|A set of system configuration and setup files
shadow-utils|2|4.6-8.el8|x86_64|4714|1243|ubi-8-baseos|audit-libs glibc libacl libattr libselinux libsemanage setup||Unspecified|BSD and GPLv2+|Utilities for managing accounts and shadow password files
sqlite-libs|0|3.26.0-4.el8_1|x86_64|1142|579|ubi-8-baseos|glibc zlib||Unspecified|Public Domain|Shared library for the sqlite3 embeddable SQL database engine.
subscription-manager|0|1.25.17-1.el8|x86_64|3190|1144|ubi-8-baseos|python3-subscription-manager-rhsm python3-dbus python3-ethtool python3-gobject-base python3-inotify python3-requests python3-syspurpose subscription-manager-rhsm-certificates usermode||Unspecified|GPLv2|Tools and libraries for subscription and repository management
subscription-manager-rhsm-certificates|0|1.25.17-1.el8|x86_64|18|256|ubi-8-baseos|||Unspecified|GPLv2|Certificates required to communicate with a Red Hat Unified Entitlement Platform
systemd-libs|0|239-18.el8_1.1|x86_64|4669|1113|ubi-8-baseos|glibc libcap libgcrypt lz4-libs xz-libs||Unspecified|LGPLv2+ and MIT|systemd libraries
tar|2|1.30-4.el8|x86_64|2870|838|ubi-8-baseos|glibc libacl libselinux||Unspecified|GPLv3+|A GNU file archiving program
tzdata|0|2019c-1.el8|noarch|1868|485|ubi-8-baseos|||Unspecified|Public Domain|Timezone data
usermode|0|1.113-1.el8|x86_64|823|202|ubi-8-baseos|pam libselinux||Unspecified|GPLv2+|Tools for certain user account management tasks
vim-minimal|2|8.0.1763-13.el8|x86_64|1183|571|ubi-8-baseos|glibc libacl libselinux||Unspecified|Vim and MIT|A minimal version of the VIM editor
which|0|2.21-10.el8|x86_64|79|49|ubi-8-baseos|glibc||Unspecified|GPLv3|Displays where a particular program in your path is located
xz-libs|0|5.2.4-3.el8|x86_64|166|94|ubi-8-baseos|glibc||Unspecified|Public Domain|Libraries for decoding LZMA compression
yum|0|4.2.7-7.el8_1|noarch|61|193|ubi-8-baseos|dnf||Unspecified|GPLv2+ and GPLv2 and GPL|Package manager
zlib|0|1.2.11-10.el8|x86_64|191|102|ubi-8-baseos|glibc||Unspecified|zlib and Boost|The compression and decompression library
libnl3|0|3.4.0-5.el8|x86_64|1114|326|ubi-8-baseos|glibc||Unspecified|LGPLv2|Convenience library for kernel netlink sockets
nss|0|3.44.0-9.el8_1|x86_64|3354|1153|ubi-8-baseos|nspr nss-softokn nss-util nss-sysinit||Unspecified|MPLv2.0|Network Security Services
nspr|0|4.21.0-2.el8_0|x86_64|314|136|ubi-8-baseos|glibc||Unspecified|MPLv2.0|Netscape Portable Runtime
nss-softokn|0|3.44.0-9.el8_1|x86_64|1300|443|ubi-8-baseos|nspr nss-util nss-softokn-freebl sqlite-libs||Unspecified|MPLv2.0|Network Security Services Softoken Module
nss-softokn-freebl|0|3.44.0-9.el8_1|x86_64|669|296|ubi-8-baseos|glibc||Unspecified|MPLv2.0|Freebl library for the Network Security Services
nss-sysinit|0|3.44.0-9.el8_1|x86_64|14|68|ubi-8-baseos|nss||Unspecified|MPLv2.0|System NSS Initialization
nss-util|0|3.44.0-9.el8_1|x86_64|220|135|ubi-8-baseos|nspr||Unspecified|MPLv2.0|Network Security Services Utilities Library
# --- what a Dockerfile installs on top (AppStream and BaseOS) ---
apr|0|1.6.3-9.el8|x86_64|290|125|ubi-8-appstream|glibc libuuid||System Environment/Libraries|ASL 2.0 and BSD with advertising and ISC and BSD|Apache Portable Runtime library
apr-util|0|1.6.1-6.el8|x86_64|230|105|ubi-8-appstream|apr expat glibc libdb libxcrypt|apr-util-bdb apr-util-openssl|System Environment/Libraries|ASL 2.0|Apache Portable Runtime Utility library
apr-util-bdb|0|1.6.1-6.el8|x86_64|16|25|ubi-8-appstream|apr-util libdb||System Environment/Libraries|ASL 2.0|APR utility library Berkeley DB driver
apr-util-openssl|0|1.6.1-6.el8|x86_64|19|27|ubi-8-appstream|apr-util openssl-libs||System Environment/Libraries|ASL 2.0|APR utility library OpenSSL crytpo support
httpd|0|2.4.37-16.module+el8.1.0+4134+e6bad0ed|x86_64|4509|1432|ubi-8-appstream|apr apr-util httpd-filesystem httpd-tools mailcap redhat-logos-httpd systemd-libs|mod_http2|System Environment/Daemons|ASL 2.0|Apache HTTP Server
httpd-filesystem|0|2.4.37-16.module+el8.1.0+4134+e6bad0ed|noarch|1|35|ubi-8-appstream|||System Environment/Daemons|ASL 2.0|The basic directory layout for the Apache HTTP server
httpd-tools|0|2.4.37-16.module+el8.1.0+4134+e6bad0ed|x86_64|211|103|ubi-8-appstream|apr apr-util glibc openssl-libs||System Environment/Daemons|ASL 2.0|Tools for use with the Apache HTTP Server
mailcap|0|2.1.48-3.el8|noarch|71|39|ubi-8-baseos|||System Environment/Base|Public Domain and MIT|Helper application and MIME type associations for file types
mod_http2|0|1.11.3-3.module+el8.1.0+4134+e6bad0ed|x86_64|414|158|ubi-8-appstream|httpd libnghttp2||System Environment/Daemons|ASL 2.0|module implementing HTTP/2 for Apache 2
redhat-logos-httpd|0|81.1-1.el8|noarch|12|26|ubi-8-baseos|||System Environment/Base|Licensed only for approved usage, see COPYING for details.|Red Hat Enterprise Linux-related icons and pictures used by httpd
nginx-filesystem|1|1.14.1-9.module+el8.0.0+4108+af250afe|noarch|0|24|ubi-8-appstream|||System Environment/Daemons|BSD|The basic directory layout for the Nginx server
nginx|1|1.14.1-9.module+el8.0.0+4108+af250afe|x86_64|1718|570|ubi-8-appstream|nginx-filesystem openssl-libs pcre zlib glibc||System Environment/Daemons|BSD|A high performance web server and reverse proxy server
php|0|7.2.11-2.module+el8.1.0+3450+d1d6e6ea|x86_64|4426|1447|ubi-8-appstream|httpd php-cli php-common|php-fpm|Development/Languages|PHP and Zend and BSD and MIT and ASL 1.0|PHP scripting language for creating dynamic web sites
php-cli|0|7.2.11-2.module+el8.1.0+3450+d1d6e6ea|x86_64|9604|3011|ubi-8-appstream|php-common libedit libxml2 ncurses-libs pcre2 zlib||Development/Languages|PHP and Zend and BSD and MIT and ASL 1.0 and NCSA|Command-line interface for PHP
php-common|0|7.2.11-2.module+el8.1.0+3450+d1d6e6ea|x86_64|2786|659|ubi-8-appstream|libxml2 pcre2 zlib||Development/Languages|PHP and BSD|Common files for PHP
php-fpm|0|7.2.11-2.module+el8.1.0+3450+d1d6e6ea|x86_64|4714|1590|ubi-8-appstream|php-common nginx-filesystem httpd-filesystem libacl systemd-libs libxml2 pcre2 zlib||Development/Languages|PHP and Zend and BSD and MIT|PHP FastCGI Process Manager
php|0|7.3.5-5.module+el8.1.0+4560+e0eee7d6|x86_64|4519|1491|ubi-8-appstream|httpd php-cli php-common|php-fpm|Development/Languages|PHP and Zend and BSD and MIT and ASL 1.0|PHP scripting language for creating dynamic web sites
php-cli|0|7.3.5-5.module+el8.1.0+4560+e0eee7d6|x86_64|9878|3059|ubi-8-appstream|php-common libedit libxml2 ncurses-libs pcre2 zlib||Development/Languages|PHP and Zend and BSD and MIT and ASL 1.0 and NCSA|Command-line interface for PHP
php-common|0|7.3.5-5.module+el8.1.0+4560+e0eee7d6|x86_64|2830|663|ubi-8-appstream|libxml2 pcre2 zlib||Development/Languages|PHP and BSD|Common files for PHP
php-fpm|0|7.3.5-5.module+el8.1.0+4560+e0eee7d6|x86_64|4895|1614|ubi-8-appstream|php-common nginx-filesystem httpd-filesystem libacl systemd-libs libxml2 pcre2 zlib||Development/Languages|PHP and Zend and BSD and MIT|PHP FastCGI Process Manager
libedit|0|3.1-23.20170329cvs.el8|x86_64|244|102|ubi-8-baseos|glibc ncurses-libs||System Environment/Libraries|BSD|The NetBSD Editline library
procps-ng|0|3.3.15-1.el8|x86_64|984|329|ubi-8-baseos|glibc ncurses-libs systemd-libs||Applications/System|GPL+ and GPLv2 and GPLv2+ and GPLv3+ and LGPLv2+|System and process monitoring utilities
iproute|0|4.18.0-15.el8|x86_64|2069|690|ubi-8-baseos|glibc libmnl elfutils-libelf libselinux||Applications/System|GPLv2+ and Public Domain|Advanced IP routing and network device configuration tools
libmnl|0|1.0.4-6.el8|x86_64|54|30|ubi-8-baseos|glibc||System Environment/Libraries|LGPLv2+|A minimalistic Netlink library
tree|0|1.7.0-15.el8|x86_64|112|59|ubi-8-baseos|glibc||Applications/File|GPLv2+|File system tree viewer
less|0|530-1.el8|x86_64|355|164|ubi-8-baseos|glibc ncurses-libs||Applications/Text|GPLv3+ or BSD|A text file browser similar to more, but better
jq|0|1.5-12.el8|x86_64|298|161|ubi-8-appstream|oniguruma glibc||Applications/System|MIT and ASL 2.0 and CC-BY and GPLv3|Command-line JSON processor
oniguruma|0|6.8.2-1.el8|x86_64|627|188|ubi-8-appstream|glibc||System Environment/Libraries|BSD|Regular expressions library
wget|0|1.19.5-8.el8_1.1|x86_64|2891|734|ubi-8-appstream|glibc gnutls libidn2 libmetalink libpsl libuuid nettle pcre2 zlib||Applications/Internet|GPLv3+|A utility for retrieving files using the HTTP or FTP protocols
libmetalink|0|0.1.3-7.el8|x86_64|66|32|ubi-8-baseos|expat glibc||System Environment/Libraries|MIT|Metalink library written in C
python36|0|3.6.8-2.module+el8.1.0+3334+5cb623d7|x86_64|13|19|ubi-8-appstream|platform-python python3-pip python3-setuptools chkconfig||Development/Languages|Python|Interpreter of the Python programming language
python3-pip|0|9.0.3-15.el8|noarch|2557|20|ubi-8-appstream|python3-setuptools platform-python python3-pip-wheel||Development/Libraries|MIT and Python and ASL 2.0 and BSD and ISC and LGPLv2 and MPLv2.0 and (ASL 2.0 or BSD)|A tool for installing and managing Python3 packages
python3-setuptools|0|39.2.0-5.el8|noarch|466|163|ubi-8-baseos|platform-python-setuptools||Development/Languages|MIT|Easily build and distribute Python 3 packages
git|0|2.18.1-4.el8|x86_64|1069|186|ubi-8-appstream|git-core git-core-doc perl-Git perl-TermReadKey less||Development/Tools|GPLv2|Fast Version Control System
git-core|0|2.18.1-4.el8|x86_64|27560|4108|ubi-8-appstream|openssl-libs libcurl expat pcre2 zlib less||Development/Tools|GPLv2|Core package of git with minimal functionality
git-core-doc|0|2.18.1-4.el8|noarch|11336|2328|ubi-8-appstream|git-core||Development/Tools|GPLv2|Documentation files for git-core
perl-Git|0|2.18.1-4.el8|noarch|166|77|ubi-8-appstream|git perl-interpreter perl-Error||Development/Libraries|GPLv2|Perl interface to Git
perl-Error|1|0.17025-2.el8|noarch|77|46|ubi-8-appstream|perl-interpreter||Development/Libraries|(GPL+ or Artistic) and MIT|Error/exception handling in an OO-ish way
perl-TermReadKey|0|2.37-7.el8|x86_64|64|40|ubi-8-appstream|perl-interpreter||Development/Libraries|(Copyright only) and (Artistic or GPL+)|A perl module for simple terminal control
perl-interpreter|4|5.26.3-416.el8|x86_64|6993|6480|ubi-8-appstream|perl-libs glibc libdb gdbm-libs||Development/Languages|GPL+ or Artistic|Standalone executable Perl interpreter
perl-libs|4|5.26.3-416.el8|x86_64|6067|1561|ubi-8-appstream|glibc libxcrypt||Development/Libraries|GPL+ or Artistic|The libraries for the perl run-time
`;

const CONF: Record<string, string> = {
  '/etc/redhat-release': 'Red Hat Enterprise Linux release 8.1 (Ootpa)\n',
  '/etc/os-release': [
    'NAME="Red Hat Enterprise Linux"', 'VERSION="8.1 (Ootpa)"', 'ID="rhel"', 'ID_LIKE="fedora"', 'VERSION_ID="8.1"',
    'PLATFORM_ID="platform:el8"', 'PRETTY_NAME="Red Hat Enterprise Linux 8.1 (Ootpa)"', 'ANSI_COLOR="0;31"',
    'CPE_NAME="cpe:/o:redhat:enterprise_linux:8.1:GA"', 'HOME_URL="https://www.redhat.com/"',
    'BUG_REPORT_URL="https://bugzilla.redhat.com/"', '',
    'REDHAT_BUGZILLA_PRODUCT="Red Hat Enterprise Linux 8"', 'REDHAT_BUGZILLA_PRODUCT_VERSION=8.1',
    'REDHAT_SUPPORT_PRODUCT="Red Hat Enterprise Linux"', 'REDHAT_SUPPORT_PRODUCT_VERSION="8.1"', '',
  ].join('\n'),
  '/etc/yum.repos.d/ubi.repo': [
    '[ubi-8-baseos]', 'name = Red Hat Universal Base Image 8 (RPMs) - BaseOS',
    'baseurl = https://cdn-ubi.redhat.com/content/public/ubi/dist/ubi8/8/$basearch/baseos/os', 'enabled = 1',
    'gpgkey = file:///etc/pki/rpm-gpg/RPM-GPG-KEY-redhat-release', 'gpgcheck = 1', '',
    '[ubi-8-baseos-debug]', 'name = Red Hat Universal Base Image 8 (Debug RPMs) - BaseOS',
    'baseurl = https://cdn-ubi.redhat.com/content/public/ubi/dist/ubi8/8/$basearch/baseos/debug', 'enabled = 0',
    'gpgkey = file:///etc/pki/rpm-gpg/RPM-GPG-KEY-redhat-release', 'gpgcheck = 1', '',
    '[ubi-8-baseos-source]', 'name = Red Hat Universal Base Image 8 (Source RPMs) - BaseOS',
    'baseurl = https://cdn-ubi.redhat.com/content/public/ubi/dist/ubi8/8/$basearch/baseos/source/SRPMS', 'enabled = 0',
    'gpgkey = file:///etc/pki/rpm-gpg/RPM-GPG-KEY-redhat-release', 'gpgcheck = 1', '',
    '[ubi-8-appstream]', 'name = Red Hat Universal Base Image 8 (RPMs) - AppStream',
    'baseurl = https://cdn-ubi.redhat.com/content/public/ubi/dist/ubi8/8/$basearch/appstream/os', 'enabled = 1',
    'gpgkey = file:///etc/pki/rpm-gpg/RPM-GPG-KEY-redhat-release', 'gpgcheck = 1', '',
    '[ubi-8-appstream-debug]', 'name = Red Hat Universal Base Image 8 (Debug RPMs) - AppStream',
    'baseurl = https://cdn-ubi.redhat.com/content/public/ubi/dist/ubi8/8/$basearch/appstream/debug', 'enabled = 0',
    'gpgkey = file:///etc/pki/rpm-gpg/RPM-GPG-KEY-redhat-release', 'gpgcheck = 1', '',
    '[ubi-8-codeready-builder]', 'name = Red Hat Universal Base Image 8 (RPMs) - CodeReady Builder',
    'baseurl = https://cdn-ubi.redhat.com/content/public/ubi/dist/ubi8/8/$basearch/codeready-builder/os', 'enabled = 1',
    'gpgkey = file:///etc/pki/rpm-gpg/RPM-GPG-KEY-redhat-release', 'gpgcheck = 1', '',
  ].join('\n'),
  '/etc/dnf/dnf.conf': '[main]\ngpgcheck=1\ninstallonly_limit=3\nclean_requirements_on_remove=True\nbest=True\n',
  '/etc/dnf/plugins/subscription-manager.conf': '[main]\nenabled=1\n\n# When following option is set to 1, then all repositories defined outside redhat.repo will be disabled\n# every time subscription-manager plugin is triggered by dnf or yum\ndisable_system_repos=0\n',
  '/etc/dnf/plugins/product-id.conf': '[main]\nenabled=1\n',
  '/etc/httpd/conf/httpd.conf': [
    '#',
    '# This is the main Apache HTTP server configuration file.  It contains the',
    '# configuration directives that give the server its instructions.',
    '# See <URL:http://httpd.apache.org/docs/2.4/> for detailed information.',
    '# In particular, see',
    '# <URL:http://httpd.apache.org/docs/2.4/mod/directives.html>',
    '# for a discussion of each configuration directive.',
    '#',
    '# (cowbox keeps this file shorter than the one RHEL ships; the directives are the same.)',
    '#',
    '# ServerRoot: The top of the directory tree under which the server\'s',
    '# configuration, error, and log files are kept.',
    '#',
    'ServerRoot "/etc/httpd"',
    '',
    '#',
    '# Listen: Allows you to bind Apache to specific IP addresses and/or',
    '# ports, instead of the default. See also the <VirtualHost>',
    '# directive.',
    '#',
    '#Listen 12.34.56.78:80',
    'Listen 80',
    '',
    '#',
    '# Dynamic Shared Object (DSO) Support',
    '#',
    'Include conf.modules.d/*.conf',
    '',
    '#',
    '# If you wish httpd to run as a different user or group, you must run',
    '# httpd as root initially and it will switch.',
    '#',
    'User apache',
    'Group apache',
    '',
    '# ServerAdmin: Your address, where problems with the server should be',
    '# e-mailed.  This address appears on some server-generated pages.',
    'ServerAdmin root@localhost',
    '',
    '#ServerName www.example.com:80',
    '',
    '<Directory />',
    '    AllowOverride none',
    '    Require all denied',
    '</Directory>',
    '',
    '#',
    '# DocumentRoot: The directory out of which you will serve your',
    '# documents.',
    '#',
    'DocumentRoot "/var/www/html"',
    '',
    '<Directory "/var/www">',
    '    AllowOverride None',
    '    Require all granted',
    '</Directory>',
    '',
    '<Directory "/var/www/html">',
    '    Options Indexes FollowSymLinks',
    '    AllowOverride None',
    '    Require all granted',
    '</Directory>',
    '',
    '<IfModule dir_module>',
    '    DirectoryIndex index.html',
    '</IfModule>',
    '',
    '<Files ".ht*">',
    '    Require all denied',
    '</Files>',
    '',
    '#',
    '# ErrorLog: The location of the error log file.',
    '#',
    'ErrorLog "logs/error_log"',
    '',
    'LogLevel warn',
    '',
    '<IfModule log_config_module>',
    '    LogFormat "%h %l %u %t \\"%r\\" %>s %b \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined',
    '    LogFormat "%h %l %u %t \\"%r\\" %>s %b" common',
    '',
    '    <IfModule logio_module>',
    '      LogFormat "%h %l %u %t \\"%r\\" %>s %b \\"%{Referer}i\\" \\"%{User-Agent}i\\" %I %O" combinedio',
    '    </IfModule>',
    '',
    '    CustomLog "logs/access_log" combined',
    '</IfModule>',
    '',
    '<IfModule alias_module>',
    '    ScriptAlias /cgi-bin/ "/var/www/cgi-bin/"',
    '</IfModule>',
    '',
    '<Directory "/var/www/cgi-bin">',
    '    AllowOverride None',
    '    Options None',
    '    Require all granted',
    '</Directory>',
    '',
    '<IfModule mime_module>',
    '    TypesConfig /etc/mime.types',
    '    AddType application/x-compress .Z',
    '    AddType application/x-gzip .gz .tgz',
    '    AddType text/html .shtml',
    '    AddOutputFilter INCLUDES .shtml',
    '</IfModule>',
    '',
    'AddDefaultCharset UTF-8',
    '',
    '<IfModule mime_magic_module>',
    '    MIMEMagicFile conf/magic',
    '</IfModule>',
    '',
    'EnableSendfile on',
    '',
    '# Supplemental configuration',
    '#',
    '# Load config files in the "/etc/httpd/conf.d" directory, if any.',
    'IncludeOptional conf.d/*.conf',
    '',
  ].join('\n'),
  '/etc/httpd/conf.modules.d/00-base.conf': [
    '#',
    '# This file loads most of the modules included with the Apache HTTP',
    '# Server itself.',
    '#',
    '',
    ...['access_compat', 'actions', 'alias', 'allowmethods', 'auth_basic', 'authn_core', 'authn_file', 'authz_core',
      'authz_groupfile', 'authz_host', 'authz_user', 'autoindex', 'dir', 'env', 'expires', 'filter', 'headers',
      'log_config', 'logio', 'mime_magic', 'mime', 'negotiation', 'remoteip', 'reqtimeout', 'rewrite', 'setenvif',
      'status', 'unixd', 'userdir', 'version', 'vhost_alias'].map((m) => `LoadModule ${m}_module modules/mod_${m}.so`),
    '',
  ].join('\n'),
  '/etc/httpd/conf.modules.d/00-mpm.conf': [
    '# Select the MPM module which should be used by uncommenting exactly',
    '# one of the following LoadModule lines.  See the httpd.conf(5) man',
    '# page for more information on changing the MPM.',
    '',
    '# prefork MPM: Implements a non-threaded, pre-forking web server',
    '#LoadModule mpm_prefork_module modules/mod_mpm_prefork.so',
    '',
    '# worker MPM: Multi-Processing Module implementing a hybrid',
    '#LoadModule mpm_worker_module modules/mod_mpm_worker.so',
    '',
    '# event MPM: A variant of the worker MPM with the goal of consuming',
    '# threads only for connections with active processing',
    'LoadModule mpm_event_module modules/mod_mpm_event.so',
    '',
  ].join('\n'),
  '/etc/httpd/conf.modules.d/00-proxy.conf': [
    '# This file configures all the proxy modules:',
    ...['proxy', 'lbmethod_bybusyness', 'lbmethod_byrequests', 'lbmethod_bytraffic', 'lbmethod_heartbeat', 'proxy_ajp',
      'proxy_balancer', 'proxy_connect', 'proxy_express', 'proxy_fcgi', 'proxy_fdpass', 'proxy_ftp', 'proxy_http',
      'proxy_hcheck', 'proxy_scgi', 'proxy_uwsgi', 'proxy_wstunnel'].map((m) => `LoadModule ${m}_module modules/mod_${m}.so`),
    '',
  ].join('\n'),
  '/etc/httpd/conf.modules.d/00-systemd.conf': '# This file configures systemd module:\nLoadModule systemd_module modules/mod_systemd.so\n',
  '/etc/httpd/conf.modules.d/01-cgi.conf': [
    '# This configuration file loads a CGI module appropriate to the MPM',
    '# which has been configured in 00-mpm.conf.  mod_cgid should be used',
    '# with a threaded MPM; mod_cgi with the prefork MPM.',
    '',
    '<IfModule mpm_worker_module>',
    '   LoadModule cgid_module modules/mod_cgid.so',
    '</IfModule>',
    '<IfModule mpm_event_module>',
    '   LoadModule cgid_module modules/mod_cgid.so',
    '</IfModule>',
    '<IfModule mpm_prefork_module>',
    '   LoadModule cgi_module modules/mod_cgi.so',
    '</IfModule>',
    '',
  ].join('\n'),
  '/etc/httpd/conf.modules.d/10-h2.conf': 'LoadModule http2_module modules/mod_http2.so\n',
  '/etc/httpd/conf.modules.d/15-php.conf': [
    '# Cannot load both php5 and php7 modules',
    '<IfModule !mod_php5.c>',
    '  <IfModule prefork.c>',
    '    LoadModule php7_module modules/libphp7.so',
    '  </IfModule>',
    '</IfModule>',
    '',
    '',
  ].join('\n'),
  '/etc/httpd/conf.d/README': [
    '',
    'This directory holds configuration files for the Apache HTTP Server;',
    'any files in this directory which have the ".conf" extension will be',
    'processed as httpd configuration files.  The directory is used in',
    'addition to the directory /etc/httpd/conf.modules.d/, which contains',
    'configuration files necessary to load modules.',
    '',
  ].join('\n'),
  '/etc/httpd/conf.d/welcome.conf': [
    '# ',
    '# This configuration file enables the default "Welcome" page if there',
    '# is no default index page present for the root URL.  To disable the',
    '# Welcome page, comment out all the lines below. ',
    '#',
    '<LocationMatch "^/+$">',
    '    Options -Indexes',
    '    ErrorDocument 403 /.noindex.html',
    '</LocationMatch>',
    '',
    '<Directory /usr/share/httpd/noindex>',
    '    AllowOverride None',
    '    Require all granted',
    '</Directory>',
    '',
    'Alias /.noindex.html /usr/share/httpd/noindex/index.html',
    '',
  ].join('\n'),
  '/etc/httpd/conf.d/autoindex.conf': [
    '#',
    '# Directives controlling the display of server-generated directory listings.',
    '#',
    'IndexOptions FancyIndexing HTMLTable VersionSort',
    'Alias /icons/ "/usr/share/httpd/icons/"',
    '',
    '<Directory "/usr/share/httpd/icons">',
    '    Options Indexes MultiViews FollowSymlinks',
    '    AllowOverride None',
    '    Require all granted',
    '</Directory>',
    '',
    'AddIconByEncoding (CMP,/icons/compressed.gif) x-compress x-gzip',
    'AddIconByType (TXT,/icons/text.gif) text/*',
    'AddIcon /icons/binary.gif .bin .exe',
    'DefaultIcon /icons/unknown.gif',
    'ReadmeName README.html',
    'HeaderName HEADER.html',
    'IndexIgnore .??* *~ *# HEADER* README* RCS CVS *,v *,t',
    '',
  ].join('\n'),
  '/etc/httpd/conf.d/userdir.conf': [
    '<IfModule mod_userdir.c>',
    '    UserDir disabled',
    '    #UserDir public_html',
    '</IfModule>',
    '',
    '<Directory "/home/*/public_html">',
    '    AllowOverride FileInfo AuthConfig Limit Indexes',
    '    Options MultiViews Indexes SymLinksIfOwnerMatch IncludesNoExec',
    '    Require method GET POST OPTIONS',
    '</Directory>',
    '',
  ].join('\n'),
  '/etc/httpd/conf.d/php.conf': [
    '#',
    '# The following lines prevent .user.ini files from being viewed by Web clients.',
    '#',
    '<Files ".user.ini">',
    '    Require all denied',
    '</Files>',
    '',
    '#',
    '# Allow php to handle Multiviews',
    '#',
    'AddType text/html .php',
    '',
    '#',
    '# Add index.php to the list of files that will be served as directory',
    '# indexes.',
    '#',
    'DirectoryIndex index.php',
    '',
    '# mod_php options',
    '<IfModule  mod_php7.c>',
    '    <FilesMatch \\.(php|phar)$>',
    '        SetHandler application/x-httpd-php',
    '    </FilesMatch>',
    '    php_value session.save_handler "files"',
    '    php_value session.save_path    "/var/lib/php/session"',
    '</IfModule>',
    '',
    '# Redirect to local php-fpm if mod_php (5 or 7) is not available',
    '<IfModule  !mod_php5.c>',
    '  <IfModule  !mod_php7.c>',
    '    # Enable http authorization headers',
    '    SetEnvIfNoCase ^Authorization$ "(.+)" HTTP_AUTHORIZATION=$1',
    '',
    '    <FilesMatch \\.(php|phar)$>',
    '        SetHandler "proxy:unix:/run/php-fpm/www.sock|fcgi://localhost"',
    '    </FilesMatch>',
    '  </IfModule>',
    '</IfModule>',
    '',
  ].join('\n'),
  '/etc/sysconfig/htcacheclean': '#\n# Configuration options for systemd service, htcacheclean.service.\n#\n\nCACHE_ROOT="/var/cache/httpd/proxy"\n',
  '/etc/logrotate.d/httpd': '/var/log/httpd/*log {\n    missingok\n    notifempty\n    sharedscripts\n    delaycompress\n    postrotate\n        /bin/systemctl reload httpd.service > /dev/null 2>/dev/null || true\n    endscript\n}\n',
  '/usr/share/httpd/noindex/index.html': [
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">',
    '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en">',
    '  <head>',
    '    <title>Test Page for the Apache HTTP Server on Red Hat Enterprise Linux</title>',
    '    <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />',
    '  </head>',
    '  <body>',
    '    <h1>Red Hat Enterprise Linux <strong>Test Page</strong></h1>',
    '    <p class="lead">This page is used to test the proper operation of the Apache HTTP server after it has been installed. If you can read this page, it means that the Apache HTTP server installed at this site is working properly.</p>',
    '    <h2>If you are a member of the general public:</h2>',
    '    <p>The fact that you are seeing this page indicates that the website you just visited is either experiencing problems, or is undergoing routine maintenance.</p>',
    '    <h2>If you are the website administrator:</h2>',
    '    <p>You may now add content to the directory <tt>/var/www/html/</tt>. Note that until you do so, people visiting your website will see this page, and not your content. To prevent this page from ever being used, follow the instructions in the file <tt>/etc/httpd/conf.d/welcome.conf</tt>.</p>',
    '  </body>',
    '</html>',
    '',
  ].join('\n'),
  '/etc/mime.types': [
    '# This is a comment. I love comments.          -*- indent-tabs-mode: t -*-',
    '#',
    '# This file controls what Internet media types are sent to the client for',
    '# given file extension(s).',
    '#',
    'application/json\t\t\t\t\tjson',
    'application/javascript\t\t\t\t\tjs',
    'application/octet-stream\t\t\t\tbin dms lrf mar so dist distz pkg bpk dump elc deploy',
    'application/pdf\t\t\t\t\tpdf',
    'application/x-httpd-php\t\t\t\tphp',
    'application/xml\t\t\t\t\txml xsl',
    'application/zip\t\t\t\t\tzip',
    'image/gif\t\t\t\t\tgif',
    'image/jpeg\t\t\t\t\tjpeg jpg jpe',
    'image/png\t\t\t\t\tpng',
    'image/svg+xml\t\t\t\t\tsvg svgz',
    'text/css\t\t\t\t\tcss',
    'text/html\t\t\t\t\thtml htm',
    'text/plain\t\t\t\t\ttxt text conf def list log in',
    '',
  ].join('\n'),
  '/etc/php.ini': [
    '[PHP]',
    '',
    ';;;;;;;;;;;;;;;;;;;',
    '; About php.ini   ;',
    ';;;;;;;;;;;;;;;;;;;',
    '; PHP\'s initialization file, generally called php.ini, is responsible for',
    '; configuring many of the aspects of PHP\'s behavior.',
    '',
    'engine = On',
    'short_open_tag = Off',
    'precision = 14',
    'output_buffering = 4096',
    'zlib.output_compression = Off',
    'implicit_flush = Off',
    'serialize_precision = -1',
    'disable_functions =',
    'expose_php = On',
    'max_execution_time = 30',
    'max_input_time = 60',
    'memory_limit = 128M',
    'error_reporting = E_ALL & ~E_DEPRECATED & ~E_STRICT',
    'display_errors = Off',
    'display_startup_errors = Off',
    'log_errors = On',
    'log_errors_max_len = 1024',
    'html_errors = On',
    'variables_order = "GPCS"',
    'request_order = "GP"',
    'post_max_size = 8M',
    'default_mimetype = "text/html"',
    'default_charset = "UTF-8"',
    'file_uploads = On',
    'upload_max_filesize = 2M',
    'max_file_uploads = 20',
    'allow_url_fopen = On',
    'allow_url_include = Off',
    'default_socket_timeout = 60',
    '',
    '[Date]',
    ';date.timezone =',
    '',
    '[Session]',
    'session.save_handler = files',
    'session.use_strict_mode = 0',
    'session.use_cookies = 1',
    'session.name = PHPSESSID',
    'session.gc_maxlifetime = 1440',
    '',
  ].join('\n'),
  '/etc/php-fpm.conf': [
    ';;;;;;;;;;;;;;;;;;;;;',
    '; FPM Configuration ;',
    ';;;;;;;;;;;;;;;;;;;;;',
    '',
    '; All relative paths in this configuration file are relative to PHP\'s install',
    '; prefix.',
    '',
    '; Include one or more files. If glob(3) exists, it is used to include a bunch of',
    '; files from a glob(3) pattern. This directive can be used everywhere in the',
    '; file.',
    'include=/etc/php-fpm.d/*.conf',
    '',
    ';;;;;;;;;;;;;;;;;;',
    '; Global Options ;',
    ';;;;;;;;;;;;;;;;;;',
    '',
    '[global]',
    '; Pid file',
    '; Default Value: none',
    'pid = /run/php-fpm/php-fpm.pid',
    '',
    '; Error log file',
    '; If it\'s set to "syslog", log is sent to syslogd instead of being written',
    '; in a local file.',
    '; Default Value: log/php-fpm.log',
    'error_log = /var/log/php-fpm/error.log',
    '',
    '; Log level',
    '; Possible Values: alert, error, warning, notice, debug',
    '; Default Value: notice',
    ';log_level = notice',
    '',
    '; Send FPM to background. Set to \'no\' to keep FPM in foreground for debugging.',
    '; Default Value: yes',
    'daemonize = yes',
    '',
    '; See /etc/php-fpm.d/*.conf',
    '',
  ].join('\n'),
  '/etc/php-fpm.d/www.conf': [
    '; Start a new pool named \'www\'.',
    '; the variable $pool can we used in any directive and will be replaced by the',
    '; pool name (\'www\' here)',
    '[www]',
    '',
    '; Unix user/group of processes',
    '; Note: The user is mandatory. If the group is not set, the default user\'s group',
    ';       will be used.',
    '; RPM: apache user chosen to provide access to the same directories as httpd',
    'user = apache',
    '; RPM: Keep a group allowed to write in log dir.',
    'group = apache',
    '',
    '; The address on which to accept FastCGI requests.',
    '; Valid syntaxes are:',
    ';   \'ip.add.re.ss:port\'    - to listen on a TCP socket to a specific IPv4 address on',
    ';                            a specific port;',
    ';   \'/path/to/unix/socket\' - to listen on a unix socket.',
    '; Note: This value is mandatory.',
    'listen = /run/php-fpm/www.sock',
    '',
    '; Set listen(2) backlog.',
    '; Default Value: 511',
    ';listen.backlog = 511',
    '',
    '; Set permissions for unix socket, if one is used. In Linux, read/write',
    '; permissions must be set in order to allow connections from a web server.',
    '; Default Values: user and group are set as the running user',
    ';                 mode is set to 0660',
    ';listen.owner = nobody',
    ';listen.group = nobody',
    ';listen.mode = 0660',
    '',
    '; When POSIX Access Control Lists are supported you can set them using',
    '; these options, value is a comma separated list of user/group names.',
    '; When set, listen.owner and listen.group are ignored',
    'listen.acl_users = apache,nginx',
    ';listen.acl_groups =',
    '',
    '; List of addresses (IPv4/IPv6) of FastCGI clients which are allowed to connect.',
    '; Default Value: any',
    'listen.allowed_clients = 127.0.0.1',
    '',
    '; Choose how the process manager will control the number of child processes.',
    '; Note: This value is mandatory.',
    'pm = dynamic',
    '',
    '; The number of child processes to be created when pm is set to \'static\' and the',
    '; maximum number of child processes when pm is set to \'dynamic\' or \'ondemand\'.',
    'pm.max_children = 50',
    '',
    '; The number of child processes created on startup.',
    '; Default Value: min_spare_servers + (max_spare_servers - min_spare_servers) / 2',
    'pm.start_servers = 5',
    '',
    '; The desired minimum number of idle server processes.',
    'pm.min_spare_servers = 5',
    '',
    '; The desired maximum number of idle server processes.',
    'pm.max_spare_servers = 35',
    '',
    '; The log file for slow requests',
    'slowlog = /var/log/php-fpm/www-slow.log',
    '',
    '; Additional php.ini defines, specific to this pool of workers.',
    ';php_admin_value[sendmail_path] = /usr/sbin/sendmail -t -i -f www@my.domain.com',
    'php_admin_value[error_log] = /var/log/php-fpm/www-error.log',
    'php_admin_flag[log_errors] = on',
    ';php_admin_value[memory_limit] = 128M',
    '',
    '; Set the following data paths to directories owned by the FPM process user.',
    'php_value[session.save_handler] = files',
    'php_value[session.save_path]    = /var/lib/php/session',
    'php_value[soap.wsdl_cache_dir]  = /var/lib/php/wsdlcache',
    ';php_value[opcache.file_cache]  = /var/lib/php/opcache',
    '',
  ].join('\n'),
  '/etc/nginx/nginx.conf': [
    '# For more information on configuration, see:',
    '#   * Official English Documentation: http://nginx.org/en/docs/',
    '#   * Official Russian Documentation: http://nginx.org/ru/docs/',
    '',
    'user nginx;',
    'worker_processes auto;',
    'error_log /var/log/nginx/error.log;',
    'pid /run/nginx.pid;',
    '',
    '# Load dynamic modules. See /usr/share/doc/nginx/README.dynamic.',
    'include /usr/share/nginx/modules/*.conf;',
    '',
    'events {',
    '    worker_connections 1024;',
    '}',
    '',
    'http {',
    '    log_format  main  \'$remote_addr - $remote_user [$time_local] "$request" \'',
    '                      \'$status $body_bytes_sent "$http_referer" \'',
    '                      \'"$http_user_agent" "$http_x_forwarded_for"\';',
    '',
    '    access_log  /var/log/nginx/access.log  main;',
    '',
    '    sendfile            on;',
    '    tcp_nopush          on;',
    '    tcp_nodelay         on;',
    '    keepalive_timeout   65;',
    '    types_hash_max_size 2048;',
    '',
    '    include             /etc/nginx/mime.types;',
    '    default_type        application/octet-stream;',
    '',
    '    # Load modular configuration files from the /etc/nginx/conf.d directory.',
    '    include /etc/nginx/conf.d/*.conf;',
    '',
    '    server {',
    '        listen       80 default_server;',
    '        listen       [::]:80 default_server;',
    '        server_name  _;',
    '        root         /usr/share/nginx/html;',
    '',
    '        # Load configuration files for the default server block.',
    '        include /etc/nginx/default.d/*.conf;',
    '',
    '        location / {',
    '        }',
    '',
    '        error_page 404 /404.html;',
    '            location = /40x.html {',
    '        }',
    '',
    '        error_page 500 502 503 504 /50x.html;',
    '            location = /50x.html {',
    '        }',
    '    }',
    '}',
    '',
  ].join('\n'),
  '/etc/nginx/mime.types': 'types {\n    text/html                                        html htm shtml;\n    text/css                                         css;\n    image/gif                                        gif;\n    image/jpeg                                       jpeg jpg;\n    application/javascript                           js;\n    text/plain                                       txt;\n    image/png                                        png;\n    application/json                                 json;\n    application/octet-stream                         bin exe dll;\n}\n',
  '/etc/nginx/conf.d/php-fpm.conf': '# PHP-FPM FastCGI server\n# network or unix domain socket configuration\n\nupstream php-fpm {\n        server unix:/run/php-fpm/www.sock;\n}\n',
  '/etc/nginx/default.d/php.conf': '# pass the PHP scripts to FastCGI server\n#\n# See conf.d/php-fpm.conf for socket configuration\n#\nindex index.php index.html index.htm;\n\nlocation ~ \\.(php|phar)(/.*)?$ {\n    fastcgi_split_path_info ^(.+\\.(?:php|phar))(/.*)$;\n\n    fastcgi_intercept_errors on;\n    fastcgi_index  index.php;\n    include        fastcgi_params;\n    fastcgi_param  SCRIPT_FILENAME  $document_root$fastcgi_script_name;\n    fastcgi_param  PATH_INFO $fastcgi_path_info;\n    fastcgi_pass   php-fpm;\n}\n',
  '/usr/share/nginx/html/index.html': '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en">\n    <head>\n        <title>Test Page for the Nginx HTTP Server on Red Hat Enterprise Linux</title>\n    </head>\n    <body>\n        <h1>Welcome to <strong>nginx</strong> on Red Hat Enterprise Linux!</h1>\n        <p>This page is used to test the proper operation of the <strong>nginx</strong> HTTP server after it has been installed.</p>\n    </body>\n</html>\n',
  '/root/.bashrc': '# .bashrc\n\n# User specific aliases and functions\n\nalias rm=\'rm -i\'\nalias cp=\'cp -i\'\nalias mv=\'mv -i\'\n\n# Source global definitions\nif [ -f /etc/bashrc ]; then\n\t. /etc/bashrc\nfi\n',
  '/root/.bash_profile': '# .bash_profile\n\n# Get the aliases and functions\nif [ -f ~/.bashrc ]; then\n\t. ~/.bashrc\nfi\n\n# User specific environment and startup programs\n\nPATH=$PATH:$HOME/bin\n\nexport PATH\n',
  '/etc/bashrc': '# /etc/bashrc\n\n# System wide functions and aliases\n# Environment stuff goes in /etc/profile\n\n# are we an interactive shell?\nif [ "$PS1" ]; then\n  if [ -z "$PROMPT_COMMAND" ]; then\n    PROMPT_COMMAND=\'printf "\\033]0;%s@%s:%s\\007" "${USER}" "${HOSTNAME%%.*}" "${PWD/#$HOME/\\~}"\'\n  fi\n  [ "$PS1" = "\\\\s-\\\\v\\\\\\$ " ] && PS1="[\\u@\\h \\W]\\\\$ "\nfi\n',
  '/etc/profile': '# /etc/profile\n\n# System wide environment and startup programs, for login setup\n# Functions and aliases go in /etc/bashrc\n\npathmunge () {\n    case ":${PATH}:" in\n        *:"$1":*)\n            ;;\n        *)\n            if [ "$2" = "after" ] ; then\n                PATH=$PATH:$1\n            else\n                PATH=$1:$PATH\n            fi\n    esac\n}\n\nexport PATH USER LOGNAME MAIL HOSTNAME HISTSIZE HISTCONTROL\n',
  '/etc/passwd': [
    'root:x:0:0:root:/root:/bin/bash', 'bin:x:1:1:bin:/bin:/sbin/nologin', 'daemon:x:2:2:daemon:/sbin:/sbin/nologin',
    'adm:x:3:4:adm:/var/adm:/sbin/nologin', 'lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin', 'sync:x:5:0:sync:/sbin:/bin/sync',
    'shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown', 'halt:x:7:0:halt:/sbin:/sbin/halt',
    'mail:x:8:12:mail:/var/spool/mail:/sbin/nologin', 'operator:x:11:0:operator:/root:/sbin/nologin',
    'games:x:12:100:games:/usr/games:/sbin/nologin', 'ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin',
    'nobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin', '',
  ].join('\n'),
  '/etc/group': [
    'root:x:0:', 'bin:x:1:', 'daemon:x:2:', 'sys:x:3:', 'adm:x:4:', 'tty:x:5:', 'disk:x:6:', 'lp:x:7:', 'mem:x:8:',
    'kmem:x:9:', 'wheel:x:10:', 'cdrom:x:11:', 'mail:x:12:', 'man:x:15:', 'dialout:x:18:', 'floppy:x:19:',
    'games:x:20:', 'tape:x:33:', 'video:x:39:', 'ftp:x:50:', 'lock:x:54:', 'audio:x:63:', 'users:x:100:',
    'nobody:x:65534:', 'utmp:x:22:', 'utempter:x:35:', 'input:x:999:', '',
  ].join('\n'),
  '/etc/shells': '/bin/sh\n/bin/bash\n/usr/bin/sh\n/usr/bin/bash\n',
  '/etc/hosts': '127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4\n::1         localhost localhost.localdomain localhost6 localhost6.localdomain6\n',
};

const FILES: Record<string, string> = {
  filesystem: `l /bin usr/bin
    l /sbin usr/sbin
    l /lib usr/lib
    l /lib64 usr/lib64
    d /usr/bin
    d /usr/sbin
    d /usr/lib
    d /usr/lib64
    d /usr/libexec
    d /usr/share
    d /usr/local/bin
    d /etc
    d /home
    d /root 550
    d /tmp 1777
    d /var/tmp 1777
    d /var/log
    d /var/cache
    d /var/lib
    d /run
    l /var/run ../run
    l /var/lock ../run/lock
    d /opt
    d /srv
    d /mnt
    d /media`,
  setup: `f /etc/passwd
    f /etc/group
    f /etc/shells
    f /etc/hosts
    c /etc/bashrc
    c /etc/profile`,
  rootfiles: `c /root/.bashrc
    c /root/.bash_profile`,
  'redhat-release': `f /etc/redhat-release
    f /etc/os-release
    l /etc/system-release redhat-release
    c /etc/yum.repos.d/ubi.repo`,
  bash: `x /usr/bin/bash bash
    l /usr/bin/sh bash`,
  'coreutils-single': ['cat', 'chgrp', 'chmod', 'chown', 'cp', 'cut', 'date', 'dd', 'df', 'dirname', 'basename', 'du', 'echo', 'env',
    'false', 'head', 'id', 'ln', 'ls', 'mkdir', 'mknod', 'mktemp', 'mv', 'nice', 'nohup', 'nproc', 'od', 'printenv', 'printf',
    'pwd', 'readlink', 'realpath', 'rm', 'rmdir', 'seq', 'sleep', 'sort', 'stat', 'sync', 'tail', 'tee', 'test', '[', 'timeout',
    'touch', 'tr', 'true', 'truncate', 'uname', 'uniq', 'wc', 'whoami', 'yes', 'tac', 'comm', 'expr', 'md5sum', 'sha256sum',
    'base64', 'stty', 'tty', 'install', 'split', 'fold', 'paste', 'join', 'nl', 'expand', 'unexpand', 'factor', 'link',
    'unlink', 'shuf', 'tsort', 'sha1sum', 'sha224sum', 'sha384sum', 'sha512sum', 'cksum', 'sum',
  ].map((c) => `x /usr/bin/${c} ${c}`).join('\n')
    + '\nx /usr/sbin/chroot chroot',
  findutils: 'x /usr/bin/find find\nx /usr/bin/xargs xargs',
  grep: 'x /usr/bin/grep grep\nx /usr/bin/egrep egrep\nx /usr/bin/fgrep fgrep',
  sed: 'x /usr/bin/sed sed',
  gawk: 'x /usr/bin/gawk awk\nl /usr/bin/awk gawk',
  gzip: 'x /usr/bin/gzip gzip\nx /usr/bin/gunzip gunzip\nx /usr/bin/zcat zcat',
  tar: 'x /usr/bin/tar tar\nl /usr/bin/gtar tar',
  'vim-minimal': 's /usr/bin/vi vim 8.0.1763\nl /usr/bin/view vi\nl /usr/bin/rvi vi',
  curl: 's /usr/bin/curl curl 7.61.1',
  'platform-python': 's /usr/libexec/platform-python python3 3.6.8\nl /usr/libexec/platform-python3.6 platform-python',
  'python3-libs': 'g /usr/lib64/python3.6/lib-dynload/_ssl.cpython-36m-x86_64-linux-gnu.so 1\ng /usr/lib64/libpython3.6m.so.1.0 1\ng /usr/lib64/python3.6/__pycache__/os.cpython-36.pyc 6',
  glibc: 'g /usr/lib64/libc-2.28.so 3\ng /usr/lib64/ld-2.28.so 1\ng /usr/lib64/libm-2.28.so 1\ng /usr/lib64/gconv/gconv-modules.cache 2\nl /usr/lib64/libc.so.6 libc-2.28.so',
  'glibc-common': 'g /usr/lib/locale/C.utf8/LC_CTYPE 1\ng /usr/share/i18n/charmaps/UTF-8.gz 1\ng /usr/sbin/build-locale-archive 1',
  'cracklib-dicts': 'g /usr/share/cracklib/pw_dict.pwd 3\ng /usr/share/cracklib/pw_dict.pwi 1',
  tzdata: 'g /usr/share/zoneinfo/UTC 1\ng /usr/share/zoneinfo/zone.tab 1\ng /usr/share/zoneinfo/tzdata.zi 8',
  rpm: 'x /usr/bin/rpm rpm\ng /usr/lib/rpm/rpmrc 1\ng /usr/lib/rpm/macros 1\nd /var/lib/rpm',
  dnf: 'x /usr/bin/dnf dnf\nl /usr/bin/dnf-3 dnf\nd /var/cache/dnf\nc /etc/dnf/dnf.conf\nd /etc/dnf/modules.d\nd /etc/dnf/modules.defaults.d\nd /var/lib/dnf',
  yum: 'x /usr/bin/yum yum\nd /etc/yum.repos.d\nl /etc/yum.conf dnf/dnf.conf',
  'dnf-plugin-subscription-manager': 'c /etc/dnf/plugins/subscription-manager.conf\nc /etc/dnf/plugins/product-id.conf\ng /usr/lib/python3.6/site-packages/dnf-plugins/subscription-manager.py',
  httpd: `c /etc/httpd/conf/httpd.conf
    c /etc/httpd/conf.modules.d/00-base.conf
    c /etc/httpd/conf.modules.d/00-mpm.conf
    c /etc/httpd/conf.modules.d/00-proxy.conf
    c /etc/httpd/conf.modules.d/00-systemd.conf
    c /etc/httpd/conf.modules.d/01-cgi.conf
    c /etc/httpd/conf.d/welcome.conf
    c /etc/httpd/conf.d/autoindex.conf
    c /etc/httpd/conf.d/userdir.conf
    f /etc/httpd/conf.d/README
    c /etc/sysconfig/htcacheclean
    c /etc/logrotate.d/httpd
    l /etc/httpd/logs ../../var/log/httpd
    l /etc/httpd/modules ../../usr/lib64/httpd/modules
    l /etc/httpd/run /run/httpd
    l /etc/httpd/state ../../var/lib/httpd
    x /usr/sbin/httpd httpd
    d /var/log/httpd 700
    d /run/httpd 710 root:apache
    d /run/httpd/htcacheclean 700 apache:apache
    d /var/lib/httpd 700 apache:apache
    d /var/cache/httpd 700 apache:apache
    d /var/cache/httpd/proxy 700 apache:apache
    f /usr/share/httpd/noindex/index.html
    g /usr/lib64/httpd/modules/mod_mpm_event.so 2
    ${['access_compat', 'actions', 'alias', 'allowmethods', 'auth_basic', 'authn_core', 'authn_file', 'authz_core', 'authz_groupfile',
    'authz_host', 'authz_user', 'autoindex', 'dir', 'env', 'expires', 'filter', 'headers', 'log_config', 'logio', 'mime_magic', 'mime',
    'negotiation', 'remoteip', 'reqtimeout', 'rewrite', 'setenvif', 'status', 'unixd', 'userdir', 'version', 'vhost_alias', 'proxy',
    'lbmethod_bybusyness', 'lbmethod_byrequests', 'lbmethod_bytraffic', 'lbmethod_heartbeat', 'proxy_ajp', 'proxy_balancer',
    'proxy_connect', 'proxy_express', 'proxy_fcgi', 'proxy_fdpass', 'proxy_ftp', 'proxy_http', 'proxy_hcheck', 'proxy_scgi',
    'proxy_uwsgi', 'proxy_wstunnel', 'systemd', 'cgid', 'cgi', 'mpm_prefork', 'mpm_worker', 'ssl'].map((m) => `g /usr/lib64/httpd/modules/mod_${m}.so`).join('\n')}`,
  'httpd-filesystem': `d /etc/httpd
    d /etc/httpd/conf
    d /etc/httpd/conf.d
    d /etc/httpd/conf.modules.d
    d /var/www
    d /var/www/html
    d /var/www/cgi-bin
    d /usr/share/httpd`,
  'httpd-tools': 'g /usr/bin/ab 2\ng /usr/bin/htpasswd 1\ng /usr/bin/htdigest 1',
  'mod_http2': 'c /etc/httpd/conf.modules.d/10-h2.conf\ng /usr/lib64/httpd/modules/mod_http2.so',
  mailcap: 'c /etc/mime.types\ng /etc/mailcap',
  'redhat-logos-httpd': 'g /usr/share/httpd/icons/apache_pb2.png',
  apr: 'g /usr/lib64/libapr-1.so.0.6.3\nl /usr/lib64/libapr-1.so.0 libapr-1.so.0.6.3',
  'apr-util': 'g /usr/lib64/libaprutil-1.so.0.6.1\nl /usr/lib64/libaprutil-1.so.0 libaprutil-1.so.0.6.1',
  'apr-util-bdb': 'g /usr/lib64/apr-util-1/apr_dbm_db-1.so',
  'apr-util-openssl': 'g /usr/lib64/apr-util-1/apr_crypto_openssl-1.so',
  'nginx-filesystem': 'd /etc/nginx\nd /etc/nginx/conf.d\nd /etc/nginx/default.d\nd /usr/share/nginx\nd /usr/share/nginx/html',
  nginx: `x /usr/sbin/nginx nginx
    c /etc/nginx/nginx.conf
    c /etc/nginx/mime.types
    f /usr/share/nginx/html/index.html
    d /var/log/nginx 770 nginx:root
    d /var/lib/nginx 770 nginx:nginx
    d /var/lib/nginx/tmp 770 nginx:nginx
    d /usr/share/nginx/modules`,
  php: `c /etc/httpd/conf.d/php.conf
    c /etc/httpd/conf.modules.d/15-php.conf
    g /usr/lib64/httpd/modules/libphp7.so
    d /var/lib/php/session 770 root:apache
    d /var/lib/php/wsdlcache 770 root:apache
    d /var/lib/php/opcache 770 root:apache`,
  'php-cli': 'x /usr/bin/php php\nx /usr/bin/php-cgi php\nl /usr/bin/phar phar.phar\ng /usr/bin/phar.phar 1',
  'php-common': 'c /etc/php.ini\nd /etc/php.d\nd /usr/lib64/php/modules\ng /usr/lib64/php/modules/json.so 1\ng /usr/lib64/php/modules/zip.so 1\ng /usr/share/doc/php-common/NEWS 1',
  'php-fpm': `x /usr/sbin/php-fpm php-fpm
    c /etc/php-fpm.conf
    c /etc/php-fpm.d/www.conf
    c /etc/nginx/conf.d/php-fpm.conf
    c /etc/nginx/default.d/php.conf
    d /var/log/php-fpm 770 apache:root`,
  'procps-ng': ['ps', 'top', 'kill', 'pkill', 'pgrep', 'free', 'uptime', 'pidof', 'watch', 'vmstat'].map((c) => `x /usr/bin/${c} ${c}`).join('\n'),
  iproute: 's /usr/sbin/ip ip 4.18.0\ng /usr/sbin/ss 1\ng /usr/sbin/tc 2',
  tree: 'x /usr/bin/tree tree',
  less: 'x /usr/bin/less less',
  jq: 'x /usr/bin/jq jq',
  wget: 's /usr/bin/wget wget 1.19.5',
  python36: 'l /usr/bin/python3 python3.6\ns /usr/bin/python3.6 python3 3.6.8',
  'git-core': 's /usr/bin/git git 2.18.1\ng /usr/libexec/git-core/git-remote-http 1',
  'perl-interpreter': 's /usr/bin/perl perl 5.26.3',
};

const packages = indexPackages(parseTable(TABLE, ['name', 'epoch', 'version', 'arch', 'isizeK', 'dsizeK', 'repo', 'depends', 'recommends', 'section', 'license', 'summary']));
addFiles(packages, FILES);
for (const p of packages.get('php')!) p.stream = `php:${p.version.slice(0, 3)}`;
for (const n of ['php-cli', 'php-common', 'php-fpm']) for (const p of packages.get(n)!) p.stream = `php:${p.version.slice(0, 3)}`;
for (const n of ['httpd', 'httpd-filesystem', 'httpd-tools', 'mod_http2']) amend(packages, n, { stream: 'httpd:2.4' });
for (const n of ['nginx', 'nginx-filesystem']) amend(packages, n, { stream: 'nginx:1.14' });
amend(packages, 'python36', { stream: 'python36:3.6' });
amend(packages, 'httpd-filesystem', { users: ['apache:x:48:48:Apache:/usr/share/httpd:/sbin/nologin'], groups: ['apache:x:48:'] });
amend(packages, 'nginx-filesystem', { users: ['nginx:x:998:996:Nginx web server:/var/lib/nginx:/sbin/nologin'], groups: ['nginx:x:996:'] });

const BASE = [...TABLE.split('# ---')[0]!.matchAll(/^([\w.+-]+)\|/gm)].map((m) => m[1]!);

export const UBI8: Catalog = {
  family: 'rpm',
  id: 'ubi8',
  packages,
  conf: CONF,
  base: BASE,
  provides: new Map([
    ['python3', 'python36'], ['/usr/bin/python3', 'python36'], ['php-json', 'php-common'], ['webserver', 'httpd'],
    ['coreutils', 'coreutils-single'], ['vim', 'vim-minimal'], ['ip', 'iproute'], ['ps', 'procps-ng'], ['procps', 'procps-ng'],
  ]),
  modules: {
    httpd: { default: '2.4', summary: 'Apache HTTP Server', streams: { '2.4': 'common [d], devel, minimal' } },
    nginx: { default: '1.14', summary: 'nginx webserver', streams: { '1.14': 'common [d]', '1.16': 'common [d]' } },
    php: { default: '7.2', summary: 'PHP scripting language', streams: { '7.2': 'common [d], devel, minimal', '7.3': 'common [d], devel, minimal' } },
    perl: { default: '5.26', summary: 'Practical Extraction and Report Language', streams: { '5.24': 'common [d], minimal', '5.26': 'common [d], minimal' } },
    python36: { default: '3.6', summary: 'Python programming language, version 3.6', streams: { '3.6': 'build, common [d]' } },
    nodejs: { default: '10', summary: 'Javascript runtime', streams: { '10': 'common [d], development, minimal, s2i', '12': 'common [d], development, minimal, s2i' } },
  },
};
