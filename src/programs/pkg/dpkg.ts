// dpkg and dpkg-query (dpkg 1.21): the queries of the package database — -l (the table with
// dpkg's header and column widths grown to the longest name, version and description), -L (a
// package's files), -s (its status stanza), -S (which package owns a path), -W (--show, with -f
// formats), --get-selections — and --version. Installing and removing go through apt-get.

import { strerror } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { readDpkg, readList } from './lib/apt-state.ts';
import { Console } from './lib/console.ts';
import { renderRecords, type DpkgRecord } from '../../runtime/distro/dpkgdb.ts';

export const meta: ProgramMeta = {
  name: 'dpkg', package: 'dpkg', version: '1.21.22',
  usage: ['-l [PATTERN...]', '-L PACKAGE...', '-s PACKAGE...', '-S PATH...', '-W [-f FORMAT] [PATTERN...]'],
  summary: 'Query the Debian package database (dpkg-query is the same program).',
  standardOptions: false,
  options: [
    { short: 'l', long: 'list', help: 'list packages matching the patterns' },
    { short: 'L', long: 'listfiles', help: 'list the files a package installed' },
    { short: 's', long: 'status', help: 'print the status of packages' },
    { short: 'S', long: 'search', help: 'find the package owning a path' },
    { short: 'W', long: 'show', help: 'print packages in a format (-f)' },
    { short: 'f', long: 'showformat', arg: 'required', argName: 'FORMAT', help: 'the format of -W' },
    { long: 'get-selections', help: 'print packages and their selection state' },
    { long: 'version', help: 'print the version' },
  ],
};

const glob = (p: string): RegExp => new RegExp(`^${p.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
const nameOf = (r: DpkgRecord): string => (r.multiArch === 'same' ? `${r.name}:${r.arch}` : r.name);

/** Queries run as dpkg-query (dpkg execs it), which names itself in its messages. */
const QUERIES = new Set(['-l', '--list', '-L', '--listfiles', '-s', '--status', '-S', '--search', '-W', '--show', '--get-selections']);

export default async function dpkg(sys: Sys): Promise<number> {
  const con = new Console(sys);
  const status = await run(sys, con);
  await con.flush();
  if (!con.failure) return status;
  // dpkg checks its output at exit (m_output): the error, status 2.
  const prog = (sys.argv[0] ?? 'dpkg').split('/').pop() === 'dpkg-query' || sys.argv.slice(1).some((a) => QUERIES.has(a)) ? 'dpkg-query' : 'dpkg';
  await sys.writeAll(2, `${prog}: error: error writing to '<standard output>': ${strerror(con.failure.code)}\n`).catch(() => undefined);
  return 2;
}

async function run(sys: Sys, con: Console): Promise<number> {
  const prog = (sys.argv[0] ?? 'dpkg').split('/').pop()!;
  let action = '';
  let format = '${binary:Package}\t${Version}\n';
  const names: string[] = [];
  const args = sys.argv.slice(1);
  const actions: Record<string, string> = { '-l': 'l', '--list': 'l', '-L': 'L', '--listfiles': 'L', '-s': 's', '--status': 's', '-S': 'S',
    '--search': 'S', '-W': 'W', '--show': 'W', '--get-selections': 'sel', '--version': 'version' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (actions[a]) action = actions[a]!;
    else if (a === '-f' || a === '--showformat') format = args[++i] ?? '';
    else if (a.startsWith('--showformat=')) format = a.slice(13);
    else if (a.startsWith('-f') && a.length > 2) format = a.slice(2);
    else if (a.startsWith('-')) {
      await con.err(`${prog}: error: unknown option ${a}\n\nType ${prog} --help for help about installing and deinstalling packages [*];\nUse 'apt' or 'aptitude' for user-friendly package management;\nType ${prog} -Dhelp for a list of dpkg debug flag values;\nType ${prog} --force-help for a list of forcing options;\nType ${prog}-deb --help for help about manipulating *.deb files;\n\nOptions marked [*] produce a lot of output - pipe it through 'less' or 'more' !\n`);
      return 2;
    } else names.push(a);
  }
  try {
    if (action === 'version') {
      await con.always(`Debian '${prog}' package management program version 1.21.22 (amd64).\nThis is free software; see the GNU General Public License version 2 or\nlater for copying conditions. There is NO warranty.\n`);
      return 0;
    }
    const { records } = await readDpkg(sys);
    const sorted = [...records].sort((a, b) => a.name.localeCompare(b.name));
    switch (action) {
      case 'l': return await listTable(con, sorted, names);
      case 'L':
      case 's': {
        let status = 0;
        for (const n of names) {
          const r = sorted.find((x) => x.name === n || nameOf(x) === n);
          if (!r) {
            await con.err(action === 'L'
              ? `dpkg-query: package '${n}' is not installed\nUse dpkg --contents (= dpkg-deb --contents) to list archive files contents.\n`
              : `dpkg-query: package '${n}' is not installed and no information is available\nUse dpkg --info (= dpkg-deb --info) to examine archive files.\n`);
            status = 1;
            continue;
          }
          if (action === 's') await con.always(renderRecords([r]).replace(/\n\n$/, '\n'));
          else await con.always(`/.\n${(await readList(sys, r)).join('\n')}\n`);
        }
        if (!names.length) {
          await con.err(`dpkg-query: error: --${action === 'L' ? 'listfiles' : 'status'} needs at least one package name argument\n\nUse --help for help about querying packages.\n`);
          return 2;
        }
        return status;
      }
      case 'S': {
        let status = 0;
        for (const n of names) {
          const re = n.includes('*') || n.includes('?') ? glob(n) : null;
          const hits: string[] = [];
          for (const r of sorted) {
            if (r.state !== 'installed') continue;
            for (const p of await readList(sys, r)) if (re ? re.test(p) : p === n || (!n.startsWith('/') && p.includes(n))) hits.push(`${nameOf(r)}: ${p}`);
          }
          if (!hits.length) {
            await con.err(`dpkg-query: no path found matching pattern ${n}\n`);
            status = 1;
          }
          for (const h of hits) await con.always(`${h}\n`);
        }
        return status;
      }
      case 'W': {
        const chosen = sorted.filter((r) => !names.length || names.some((n) => glob(n).test(r.name)));
        for (const n of names) if (!sorted.some((r) => glob(n).test(r.name))) await con.err(`dpkg-query: no packages found matching ${n}\n`);
        for (const r of chosen) await con.always(formatRecord(format, r));
        return names.some((n) => !sorted.some((r) => glob(n).test(r.name))) ? 1 : 0;
      }
      case 'sel':
        // The name, then tabs to column 48, then the selection.
        for (const r of sorted) await con.always(`${nameOf(r)}${'\t'.repeat(Math.max(1, Math.ceil((48 - nameOf(r).length) / 8)))}${r.state === 'installed' ? 'install' : 'deinstall'}\n`);
        return 0;
      default:
        await con.err(`${prog}: error: need an action option\n\nType ${prog} --help for help about installing and deinstalling packages [*];\nUse 'apt' or 'aptitude' for user-friendly package management;\n`);
        return 2;
    }
  } finally {
    await con.flush();
  }
}

function formatRecord(format: string, r: DpkgRecord): string {
  const fields: Record<string, string> = {
    Package: r.name, 'binary:Package': nameOf(r), Version: r.version, Architecture: r.arch, 'Installed-Size': String(r.installedSizeK),
    Status: r.state === 'installed' ? 'install ok installed' : 'deinstall ok config-files', Section: r.section, Priority: r.priority,
    Maintainer: r.maintainer, Description: r.summary, 'db:Status-Abbrev': r.state === 'installed' ? 'ii ' : 'rc ',
  };
  return format.replace(/\$\{([^}:]+(?::[^}]+)?)\}/g, (_, k: string) => fields[k.replace(/;-?\d+$/, '')] ?? '')
    .replace(/\\n/g, '\n').replace(/\\t/g, '\t');
}

async function listTable(con: Console, records: DpkgRecord[], patterns: string[]): Promise<number> {
  let status = 0;
  let chosen = records;
  if (patterns.length) {
    chosen = [];
    for (const p of patterns) {
      const re = glob(p);
      const hits = records.filter((r) => re.test(r.name) || re.test(nameOf(r)));
      if (!hits.length) {
        await con.err(`dpkg-query: no packages found matching ${p}\n`);
        status = 1;
      }
      for (const h of hits) if (!chosen.includes(h)) chosen.push(h);
    }
    chosen.sort((a, b) => a.name.localeCompare(b.name));
  }
  if (!chosen.length) return status;
  let nw = 14;
  let vw = 12;
  let aw = 12;
  let dw = 33;
  for (const r of chosen) {
    nw = Math.max(nw, nameOf(r).length);
    vw = Math.max(vw, r.version.length);
    aw = Math.max(aw, r.arch.length);
    dw = Math.max(dw, r.summary.length);
  }
  let out = 'Desired=Unknown/Install/Remove/Purge/Hold\n| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n';
  out += `||/ ${'Name'.padEnd(nw)} ${'Version'.padEnd(vw)} ${'Architecture'.padEnd(aw)} Description\n`;
  out += `+++-${'='.repeat(nw)}-${'='.repeat(vw)}-${'='.repeat(aw)}-${'='.repeat(dw)}\n`;
  for (const r of chosen) {
    out += `${r.state === 'installed' ? 'ii' : 'rc'}  ${nameOf(r).padEnd(nw)} ${r.version.padEnd(vw)} ${r.arch.padEnd(aw)} ${r.summary}\n`;
  }
  await con.always(out);
  return status;
}
