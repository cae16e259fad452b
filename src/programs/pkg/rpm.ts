// rpm 4.14 (RHEL 8): queries of the rpm database (-q NAME, -qa, -qi, -ql, -qc, -qf FILE) and
// erase (-e, refused when an installed package still requires the one named, unless --nodeps).
// The database is /var/lib/rpm/Packages (see lib/rpmdb.ts); installing from .rpm files is not
// simulated (dnf installs from the repositories).

import { isSysError } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { cTime } from './lib/clock.ts';
import { Console } from './lib/console.ts';
import { readRpmDb, writeRpmDb } from './lib/dnf-state.ts';
import { removePaths } from './lib/fs.ts';
import { rpmNvra, type RpmRecord } from '../../runtime/distro/rpmdb.ts';

export const meta: ProgramMeta = {
  name: 'rpm', package: 'RPM', version: '4.14.2',
  usage: ['{-q|--query} [-a] [-i] [-l] [-c] [-f FILE] [PACKAGE...]', '{-e|--erase} [--nodeps] PACKAGE...'],
  summary: 'Query and erase packages in the rpm database.',
  standardOptions: false,
  options: [
    { short: 'q', long: 'query', help: 'query packages' },
    { short: 'a', long: 'all', help: 'query every installed package' },
    { short: 'i', long: 'info', help: 'show package information' },
    { short: 'l', long: 'list', help: 'list the files of a package' },
    { short: 'c', long: 'configfiles', help: 'list only configuration files' },
    { short: 'f', long: 'file', help: 'query the package owning FILE' },
    { short: 'e', long: 'erase', help: 'erase (remove) packages' },
    { long: 'nodeps', help: 'do not check dependencies' },
    { long: 'root', arg: 'required', argName: 'DIR', help: 'use DIR as the top level directory' },
    { long: 'version', help: 'print the version of rpm' },
  ],
};

export default async function rpm(sys: Sys): Promise<number> {
  const con = new Console(sys);
  const modes = new Set<string>();
  const names: string[] = [];
  let root = '';
  const args = sys.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--root') root = (args[++i] ?? '').replace(/\/+$/, '');
    else if (a.startsWith('--root=')) root = a.slice(7).replace(/\/+$/, '');
    else if (a.startsWith('--')) {
      const long: Record<string, string> = { '--query': 'q', '--all': 'a', '--info': 'i', '--list': 'l', '--configfiles': 'c', '--file': 'f', '--erase': 'e', '--nodeps': 'nodeps', '--version': 'version' };
      if (!long[a]) {
        await con.err(`rpm: ${a}: unknown option\n`);
        return 1;
      }
      modes.add(long[a]!);
    } else if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (!'qailcfe'.includes(c)) {
          await con.err(`rpm: -${c}: unknown option\n`);
          return 1;
        }
        modes.add(c);
      }
    } else names.push(a);
  }
  try {
    if (modes.has('version')) {
      await con.always('RPM version 4.14.2\n');
      return 0;
    }
    const db = await readRpmDb(sys, root);
    if (modes.has('e')) return await erase(sys, con, db, names, root, modes.has('nodeps'));
    if (!modes.has('q')) {
      await con.err('rpm: no operation specified\n');
      return 1;
    }
    return await query(con, db, names, modes);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await con.err(`error: ${e.message.replace(/^\w+: /, '')}\n`);
    return 1;
  } finally {
    await con.flush();
  }
}

async function query(con: Console, db: RpmRecord[], names: string[], modes: Set<string>): Promise<number> {
  let status = 0;
  let targets: RpmRecord[] = [];
  if (modes.has('a')) targets = db.filter((r) => !names.length || names.some((n) => r.name === n));
  else if (modes.has('f')) {
    if (!names.length) {
      await con.err('rpm: no arguments given for query\n');
      return 1;
    }
    for (const f of names) {
      const owner = db.find((r) => r.files.includes(f) || r.dirs.includes(f));
      if (!owner) {
        await con.print(`file ${f} is not owned by any package\n`);
        status = 1;
      } else targets.push(owner);
    }
  } else {
    if (!names.length) {
      await con.err('rpm: no arguments given for query\n');
      return 1;
    }
    for (const n of names) {
      const r = db.find((x) => x.name === n || rpmNvra(x) === n || `${x.name}-${x.version}` === n || `${x.name}-${x.version}-${x.release}` === n);
      if (!r) {
        await con.print(`package ${n} is not installed\n`);
        status = 1;
      } else targets.push(r);
    }
  }
  for (const r of targets) {
    if (modes.has('i')) await con.print(infoText(r));
    else if (modes.has('c')) for (const f of r.config) await con.print(`${f}\n`);
    else if (modes.has('l')) {
      if (!r.files.length) await con.print('(contains no files)\n');
      for (const f of r.files) await con.print(`${f}\n`);
    } else await con.print(`${rpmNvra(r)}\n`);
  }
  return status;
}

function infoText(r: RpmRecord): string {
  const rows: Array<[string, string]> = [['Name', r.name]];
  if (r.epoch) rows.push(['Epoch', String(r.epoch)]);
  rows.push(['Version', r.version], ['Release', r.release], ['Architecture', r.arch], ['Install Date', cTime(r.installTime)],
    ['Group', r.group], ['Size', String(r.size)], ['License', r.license], ['Signature', '(none)'],
    ['Source RPM', `${r.name}-${r.version}-${r.release}.src.rpm`], ['Relocations', '(not relocatable)'],
    ['Packager', 'Red Hat, Inc. <http://bugzilla.redhat.com/bugzilla>'], ['Vendor', 'Red Hat, Inc.'], ['URL', r.url], ['Summary', r.summary]);
  return `${rows.map(([k, v]) => `${k.padEnd(12)}: ${v}`).join('\n')}\nDescription :\n${r.summary}.\n`;
}

async function erase(sys: Sys, con: Console, db: RpmRecord[], names: string[], root: string, nodeps: boolean): Promise<number> {
  if (!names.length) {
    await con.err('rpm: no packages given for erase\n');
    return 1;
  }
  const gone: RpmRecord[] = [];
  for (const n of names) {
    const r = db.find((x) => x.name === n || rpmNvra(x) === n);
    if (!r) {
      await con.err(`error: package ${n} is not installed\n`);
      return 1;
    }
    gone.push(r);
  }
  const goneNames = new Set(gone.map((r) => r.name));
  const keep = db.filter((r) => !goneNames.has(r.name));
  if (!nodeps) {
    const problems: string[] = [];
    for (const r of gone) for (const k of keep) if (k.requires.includes(r.name)) problems.push(`\t${r.name} is needed by (installed) ${rpmNvra(k)}`);
    if (problems.length) {
      await con.err(`error: Failed dependencies:\n${problems.join('\n')}\n`);
      return 1;
    }
  }
  if ((await sys.geteuid()) !== 0) {
    await con.err('error: can\'t create transaction lock on /var/lib/rpm/.rpm.lock (Permission denied)\n');
    return 1;
  }
  const shared = new Set(keep.flatMap((r) => [...r.files, ...r.dirs]));
  for (const r of gone) await removePaths(sys, root, [...r.files, ...r.dirs], shared);
  await writeRpmDb(sys, root, keep);
  return 0;
}
