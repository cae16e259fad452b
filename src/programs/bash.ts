// bash: images ship it, and learners type `bash` and `bash --version`. The shell behind it is
// cowbox's POSIX shell (programs/shell), so bash's own extensions are not there; what bash says
// of itself (--version, --help, a bad long option) follows bash, with the version of the bash
// package of the distribution the machine runs (from its catalog; Debian's on the host).

import type { Sys } from '../sys/sys.ts';
import { catalogFor, distributionOf } from '../runtime/distro/index.ts';
import { readTextOrNull } from '../runtime/sys-files.ts';
import { shellMain } from './shell/main.ts';

const LONG_OPTIONS = ['debug', 'debugger', 'dump-po-strings', 'dump-strings', 'help', 'init-file', 'login', 'noediting',
  'noprofile', 'norc', 'posix', 'pretty-print', 'rcfile', 'restricted', 'verbose', 'version'];

/** "5.2.15(1)-release (x86_64-pc-linux-gnu)" for the machine's distribution. */
async function versionText(sys: Sys): Promise<{ version: string; system: string; year: number }> {
  // No os-release: say what the host's Debian bash says.
  const os = (await readTextOrNull(sys, '/etc/os-release')) ?? '';
  const id = distributionOf(os) ?? 'debian-12';
  const catalog = await catalogFor(id);
  const pkg = catalog.packages.get('bash')?.[0];
  const version = (pkg?.version ?? '5.2.15').replace(/^\d+:/, '').replace(/[-+~].*$/, '');
  const system = catalog.family === 'apk' ? 'x86_64-alpine-linux-musl' : catalog.family === 'rpm' ? 'x86_64-redhat-linux-gnu' : 'x86_64-pc-linux-gnu';
  return { version, system, year: version.startsWith('4.4') ? 2016 : 2022 };
}

function usage(v: { version: string; system: string }): string {
  return [
    `GNU bash, version ${v.version}(1)-release-(${v.system})`,
    'Usage:\tbash [GNU long option] [option] ...',
    '\tbash [GNU long option] [option] script-file ...',
    'GNU long options:',
    ...LONG_OPTIONS.map((o) => `\t--${o}`),
    'Shell options:',
    '\t-ilrsD or -c command or -O shopt_option\t\t(invocation only)',
    '\t-abefhkmnptuvxBCEHPT or -o option',
    'This bash runs on cowbox\'s POSIX shell: its options are those of sh.',
    '',
  ].join('\n');
}

export default async function bash(sys: Sys): Promise<number> {
  const first = sys.argv[1];
  if (first === '--version') {
    const v = await versionText(sys);
    await sys.writeAll(1, [
      `GNU bash, version ${v.version}(1)-release (${v.system})`,
      `Copyright (C) ${v.year} Free Software Foundation, Inc.`,
      'License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>',
      '',
      'This is free software; you are free to change and redistribute it.',
      'There is NO WARRANTY, to the extent permitted by law.',
      '',
    ].join('\n'));
    return 0;
  }
  if (first === '--help') {
    await sys.writeAll(1, usage(await versionText(sys)));
    return 0;
  }
  if (first?.startsWith('--') && first.length > 2 && !LONG_OPTIONS.includes(first.slice(2))) {
    await sys.writeAll(2, `bash: ${first}: invalid option\n${usage(await versionText(sys))}`);
    return 2;
  }
  return shellMain(sys);
}
