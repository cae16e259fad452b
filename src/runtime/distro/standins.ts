// Stand-in scripts for tools a package installs but cowbox does not run (python3, git, curl...):
// a short #!/bin/sh script that answers --version the way the real tool does and says plainly
// that it is a stand-in for anything else. Tools that would use the network answer as they do on
// a machine without one (cowbox has no network stack), so `curl http://x` fails as curl fails.
// `cat /usr/bin/python3` shows what it is.

/** The version text each tool prints, from the version its package carries. */
const VERSION_TEXT: Record<string, (v: string) => string[]> = {
  python3: (v) => [`Python ${v}`],
  git: (v) => [`git version ${v}`],
  curl: (v) => [
    `curl ${v} (x86_64-pc-linux-gnu) libcurl/${v} OpenSSL/3.0.15 zlib/1.2.13 brotli/1.0.9 zstd/1.5.4 libidn2/2.3.3 libpsl/0.21.2 nghttp2/1.52.0`,
    'Protocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp',
    'Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd',
  ],
  wget: (v) => [`GNU Wget ${v} built on linux-gnu.`, '', '-cares +digest -gpgme +https +ipv6 +iri +large-file -metalink +nls', '+ntlm +opie +psl +ssl/gnutls'],
  ip: (v) => [`ip utility, iproute2-${v}`],
  vim: (v) => [`VIM - Vi IMproved ${v.split('.').slice(0, 2).join('.')}`, 'Small version without GUI.'],
  nano: (v) => [` GNU nano, version ${v}`],
  openssl: (v) => [`OpenSSL ${v}`],
  perl: (v) => ['', `This is perl 5, version ${v.split('.')[1] ?? '0'}, subversion ${v.split('.')[2] ?? '0'} (v${v}) built for x86_64-linux-gnu-thread-multi`],
  generic: (v) => [v],
};

/** Which argument asks for the version (`ip -V`, `openssl version`, `perl -v`). */
const VERSION_ARGS: Record<string, string> = {
  python3: '--version|-V', ip: '-V|-Version', openssl: 'version|-version', perl: '-v|--version',
};

function shQuote(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

/** What the stand-in does with any other arguments. */
function otherwise(tool: string, command: string): string[] {
  if (tool === 'curl') {
    return [
      'for a in "$@"; do',
      '  case "$a" in',
      '    -*) ;;',
      '    *) host=${a#*://}; host=${host%%/*}; host=${host%%:*}',
      '       echo "curl: (6) Could not resolve host: $host" >&2',
      '       exit 6 ;;',
      '  esac',
      'done',
      "echo \"curl: try 'curl --help' or 'curl --manual' for more information\" >&2",
      'exit 2',
    ];
  }
  if (tool === 'wget') {
    return [
      'for a in "$@"; do',
      '  case "$a" in',
      '    -*) ;;',
      '    *) host=${a#*://}; host=${host%%/*}; host=${host%%:*}',
      '       echo "Resolving $host ($host)... failed: Temporary failure in name resolution." >&2',
      '       echo "wget: unable to resolve host address \'$host\'" >&2',
      '       exit 4 ;;',
      '  esac',
      'done',
      'echo "wget: missing URL" >&2',
      'exit 1',
    ];
  }
  return [`echo "${command}: cowbox does not run ${command}; this stand-in only answers ${(VERSION_ARGS[tool] ?? '--version').split('|')[0]}" >&2`, 'exit 127'];
}

/** The script for `tool` at `version`, installed as `command`. */
export function standInScript(tool: string, version: string, command: string): string {
  const text = (VERSION_TEXT[tool] ?? VERSION_TEXT.generic!)(version);
  return [
    '#!/bin/sh',
    `# cowbox stand-in for ${command} ${version}: cowbox does not run ${command}. This script prints`,
    "# the version as the real tool does; anything else is answered as a machine without it would.",
    'case "$1" in',
    `  ${VERSION_ARGS[tool] ?? '--version'}) printf '%s\\n' ${text.map(shQuote).join(' ')}; exit 0 ;;`,
    'esac',
    ...otherwise(tool, command),
    '',
  ].join('\n');
}
