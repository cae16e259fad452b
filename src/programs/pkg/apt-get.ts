// apt-get and apt (apt 2.6 on Debian 12, 2.8 on Ubuntu 24.04): update, install, remove, purge,
// autoremove, clean, and apt's list and show. Output is what apt prints without a terminal (as in
// a Docker build): "Get:N URI SUITE InRelease [151 kB]", "Reading package lists...", the NEW
// packages block, the size lines, "Do you want to continue? [Y/n]" (unless -y; end of input
// aborts), the Get lines of the archives, dpkg's unpack and setup lines and the triggers. Before
// `apt-get update` has fetched the lists apt finds no package ("E: Unable to locate package").
// Lists are written to /var/lib/apt/lists with real sizes, archives to /var/cache/apt/archives
// (apt-get keeps them until `clean`, apt deletes them, as Keep-Downloaded-Packages says), and
// every file of every package is written. Downloads are simulated: nothing leaves the machine.

import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { fillerChunks } from '../../runtime/distro/filler.ts';
import type { Catalog, Pkg } from '../../runtime/distro/types.ts';
import {
  aptConf, ARCHIVES, chooseCatalog, databaseCount, debName, haveLists, INFO, listName, LISTS, readDpkg, readList, readSources,
  showList, sizeToStr, suiteSizes, timeToStr, writeDpkg, type DpkgDb, type Source,
} from './lib/apt-state.ts';
import { Console } from './lib/console.ts';
import { infoName, recordOfPkg, renderDpkgList } from '../../runtime/distro/dpkgdb.ts';
import { emptyDir, listDir, mkdirp, readText, removePaths, writeText } from './lib/fs.ts';
import { installPackage } from './lib/install.ts';
import { resolveInstall, resolveRemove, type Planned } from './lib/resolve.ts';
import { utf8Encode } from '../../base/text.ts';
import { O_CREAT, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import { isSysError } from '../../abi/errno.ts';

export const meta: ProgramMeta = {
  name: 'apt-get', package: 'apt', version: '2.6.1',
  usage: ['[options] update|install|remove|purge|autoremove|clean [PACKAGE...]'],
  summary: 'Download package lists and install or remove Debian packages with their dependencies (apt is the friendlier front end).',
  standardOptions: false,
  options: [
    { short: 'y', long: 'yes', help: 'answer yes to the question (also --assume-yes)' },
    { short: 'q', long: 'quiet', help: 'print less' },
    { long: 'no-install-recommends', help: 'do not install recommended packages' },
    { long: 'auto-remove', help: 'remove packages nothing needs any more' },
    { long: 'purge', help: 'remove configuration files too' },
    { short: 's', long: 'simulate', help: 'print what would be done' },
    { long: 'installed', help: 'apt list: only installed packages' },
  ],
};

interface Ctx {
  sys: Sys;
  con: Console;
  prog: 'apt' | 'apt-get';
  catalog: Catalog;
  sources: Source[];
  db: DpkgDb;
  yes: boolean;
  recommends: boolean;
  tty: boolean;
}

const E = async (ctx: Ctx, msg: string): Promise<number> => {
  await ctx.con.err(`E: ${msg}\n`);
  return 100;
};

export default async function aptGet(sys: Sys): Promise<number> {
  const con = new Console(sys);
  const prog = (sys.argv[0] ?? 'apt-get').split('/').pop() === 'apt' ? 'apt' : 'apt-get';
  const words: string[] = [];
  let yes = false;
  let recommends = true;
  let autoRemove = false;
  let purge = false;
  let quiet = 0;
  const flags = new Set<string>();
  const args = sys.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (['-y', '--yes', '--assume-yes', '-yq', '-qy'].includes(a)) {
      yes = true;
      if (a.includes('q')) quiet++;
    } else if (a === '-q' || a === '--quiet') quiet++;
    else if (a === '-qq') quiet += 2;
    else if (a === '--no-install-recommends') recommends = false;
    else if (a === '--install-recommends') recommends = true;
    else if (a === '--auto-remove' || a === '--autoremove') autoRemove = true;
    else if (a === '--purge') purge = true;
    else if (a === '-o') i++;
    else if (['--no-install-suggests', '--fix-missing', '-f', '--fix-broken', '--allow-unauthenticated', '--no-upgrade', '--reinstall'].includes(a) || a.startsWith('-o')) continue;
    else if (a === '--installed' || a === '--upgradable' || a === '-a' || a === '--all-versions') flags.add(a);
    else if (a.startsWith('-') && a.length > 1) {
      await con.err(`E: Command line option '${a.replace(/^-+/, '').split('=')[0]}' [from ${a}] is not understood in combination with the other options.\n`);
      return 100;
    } else words.push(a);
  }
  const tty = await sys.isatty(1);
  con.quiet = quiet >= 2;
  const [command, ...names] = words;
  try {
    if (prog === 'apt' && !tty && command && command !== 'help') await con.err('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
    if (!command) {
      await con.always(`${prog === 'apt' ? 'apt 2.6.1 (amd64)' : 'apt 2.6.1 (amd64)'}\nUsage: ${prog} [options] command\n\nMost used commands:\n  update - Retrieve new lists of packages\n  install - Install new packages (pkg is libc6 not libc6.deb)\n  remove - Remove packages\n  purge - Remove packages and config files\n  autoremove - Remove automatically all unused packages\n  clean - Erase downloaded archive files\n`);
      return 1;
    }
    const catalog = await chooseCatalog(sys);
    const ctx: Ctx = { sys, con, prog, catalog, sources: await readSources(sys, catalog), db: await readDpkg(sys), yes, recommends, tty };
    const write = ['update', 'install', 'remove', 'purge', 'autoremove', 'clean', 'upgrade', 'dist-upgrade', 'full-upgrade'].includes(command);
    if (write && (await sys.geteuid()) !== 0) {
      const lock = command === 'update' || command === 'clean' ? '/var/lib/apt/lists/lock' : '/var/lib/dpkg/lock-frontend';
      return E(ctx, `Could not open lock file ${lock} - open (13: Permission denied)\nE: Unable to ${command === 'update' || command === 'clean' ? 'lock directory /var/lib/apt/lists/' : 'acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?'}`);
    }
    switch (command) {
      case 'update': return await update(ctx);
      case 'install': return await install(ctx, names, autoRemove);
      case 'remove': return await remove(ctx, names, purge, autoRemove);
      case 'purge': return await remove(ctx, names, true, autoRemove);
      case 'autoremove': return await remove(ctx, [], purge, true);
      case 'clean':
      case 'autoclean':
        await emptyDir(sys, ARCHIVES, ['partial', 'lock']);
        await emptyDir(sys, `${ARCHIVES}/partial`);
        for (const f of await listDir(sys, '/var/cache/apt')) if (f.endsWith('.bin')) await sys.unlink(`/var/cache/apt/${f}`);
        return 0;
      case 'upgrade':
      case 'dist-upgrade':
      case 'full-upgrade':
        await readingLists(ctx, true);
        await con.print('Calculating upgrade...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
        return 0;
      case 'list':
        if (prog !== 'apt') break;
        return await list(ctx, names, flags);
      case 'show':
      case 'showpkg':
        return await show(ctx, names);
    }
    return E(ctx, `Invalid operation ${command}`);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await con.err(`E: ${e.message.replace(/^\w+: /, '')}\n`);
    return 100;
  } finally {
    await con.flush();
  }
}

/** "Reading package lists... Done" on a terminal, without " Done" when quiet (apt's non-tty default). */
async function readingLists(ctx: Ctx, tree: boolean): Promise<void> {
  const done = ctx.tty ? ' Done' : '';
  await ctx.con.print(`Reading package lists...${done}\n`);
  if (tree) await ctx.con.print(`Building dependency tree...${done}\nReading state information...${done}\n`);
}

async function update(ctx: Ctx): Promise<number> {
  const { sys, con } = ctx;
  if (!ctx.sources.length) {
    await readingLists(ctx, false);
    return 0;
  }
  await mkdirp(sys, `${LISTS}/partial`);
  const conf = await aptConf(sys);
  let n = 0;
  let fetched = 0;
  const lines: string[] = [];
  const later: string[] = [];
  for (const s of ctx.sources) {
    const release = `${LISTS}/${listName(s, 'InRelease')}`;
    const had = (await readText(sys, release)) !== null;
    const size = suiteSizes(s, s.components[0] ?? 'main');
    lines.push(had ? `Hit:${++n} ${s.uri} ${s.suite} InRelease` : `Get:${++n} ${s.uri} ${s.suite} InRelease [${sizeToStr(size.release)}B]`);
    if (had) continue;
    fetched += size.release;
    await bulk(sys, release, size.release, `the signed Release file of ${s.uri} ${s.suite}`);
    for (const c of s.components) {
      const sz = suiteSizes(s, c);
      later.push(`Get:${0} ${s.uri} ${s.suite}/${c} amd64 Packages [${sizeToStr(sz.download)}B]`);
      fetched += sz.download;
      await bulk(sys, `${LISTS}/${listName(s, `${c}_binary-amd64_Packages${conf.lz4 ? '.lz4' : ''}`)}`, conf.lz4 ? sz.kept : sz.kept * 2, `the package list of ${s.uri} ${s.suite}/${c}`);
    }
  }
  for (const l of lines) await con.print(`${l}\n`);
  for (const l of later) await con.print(`${l.replace('Get:0', `Get:${++n}`)}\n`);
  if (fetched) {
    const secs = fetched / 7_500_000 + 0.4;
    await con.print(`Fetched ${sizeToStr(fetched)}B in ${timeToStr(secs)} (${sizeToStr(fetched / secs)}B/s)\n`);
  }
  if (conf.pkgcache) {
    await mkdirp(sys, '/var/cache/apt');
    await bulk(sys, '/var/cache/apt/pkgcache.bin', 27_862_528, 'apt\'s binary package cache');
    await bulk(sys, '/var/cache/apt/srcpkgcache.bin', 27_796_992, 'apt\'s binary source cache');
  }
  await readingLists(ctx, ctx.prog === 'apt');
  if (ctx.prog === 'apt') await con.print('All packages are up to date.\n');
  return 0;
}

async function bulk(sys: Sys, path: string, size: number, what: string): Promise<void> {
  const fd = await sys.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644);
  try {
    for (const chunk of fillerChunks({ seed: path, size, head: utf8Encode(`cowbox: ${what} stands here.\n`) })) await sys.writeAll(fd, chunk);
  } finally {
    await sys.close(fd);
  }
}

function installed(ctx: Ctx, name: string): boolean {
  const real = ctx.catalog.provides.get(name) ?? name;
  return ctx.db.records.some((r) => r.name === real && r.state === 'installed');
}

function candidate(ctx: Ctx, name: string): Pkg | null {
  return ctx.catalog.packages.get(ctx.catalog.provides.get(name) ?? name)?.[0] ?? null;
}

/** The suite a package is fetched from: the release itself (point releases fold the updates in). */
function origin(ctx: Ctx, _p: Pkg): Source {
  return ctx.sources.find((s) => !/-(security|updates|backports)$/.test(s.suite)) ?? ctx.sources[0]!;
}

async function confirm(ctx: Ctx): Promise<boolean> {
  if (ctx.yes) return true;
  const a = await ctx.con.ask('Do you want to continue? [Y/n] ');
  if (a !== null && (a.trim() === '' || /^y(es)?$/i.test(a.trim()))) return true;
  await ctx.con.always('Abort.\n');
  return false;
}

const SERVICES = new Set(['nginx', 'apache2', 'php8.2-fpm', 'php8.3-fpm']);
const DEBCONF = new Set(['ca-certificates', 'tzdata', 'nginx-common', 'iproute2', 'libc6', 'php8.2-common', 'php8.3-common']);

async function install(ctx: Ctx, names: string[], autoRemove: boolean): Promise<number> {
  const { sys, con } = ctx;
  await readingLists(ctx, true);
  const lists = await haveLists(sys);
  const requested: Pkg[] = [];
  for (const n of names) {
    const p = lists ? candidate(ctx, n) : null;
    if (!p) return E(ctx, `Unable to locate package ${n}`);
    if (installed(ctx, n)) {
      await con.print(`${p.name} is already the newest version (${p.version}).\n`);
      if (!ctx.db.auto.has(p.name)) continue;
      ctx.db.auto.delete(p.name);
      await con.print(`${p.name} set to manually installed.\n`);
      continue;
    }
    requested.push(p);
  }
  const plan = resolveInstall(requested, { choose: (n) => candidate(ctx, n), isInstalled: (n) => installed(ctx, n), weak: ctx.recommends });
  if (plan.missing.length) {
    const m = plan.missing[0]!;
    return E(ctx, `Unable to correct problems, you have held broken packages.\n(${m.by} depends on ${m.name}, which is not available)`);
  }
  const news = plan.install.map((x) => x.pkg.name).sort();
  const extra = plan.install.filter((x) => x.reason !== 'user').map((x) => x.pkg.name).sort();
  if (extra.length) await con.print(`The following additional packages will be installed:\n${showList(extra)}`);
  if (news.length) await con.print(`The following NEW packages will be installed:\n${showList(news)}`);
  await con.print(`0 upgraded, ${news.length} newly installed, 0 to remove and 0 not upgraded.\n`);
  if (!news.length) {
    await writeDpkg(sys, ctx.db);
    return 0;
  }
  const download = plan.install.reduce((n, x) => n + x.pkg.downloadSize, 0);
  const size = plan.install.reduce((n, x) => n + Math.round(x.pkg.installedSize / 1024) * 1024, 0);
  await con.print(`Need to get ${sizeToStr(download)}B of archives.\nAfter this operation, ${sizeToStr(size)}B of additional disk space will be used.\n`);
  if (extra.length && !(await confirm(ctx))) return 1;
  const order = plan.install;
  await mkdirp(sys, `${ARCHIVES}/partial`);
  for (let i = 0; i < order.length; i++) {
    const p = order[i]!.pkg;
    const s = origin(ctx, p);
    await con.print(`Get:${i + 1} ${s.uri} ${s.suite}/main amd64 ${p.name} ${p.arch} ${p.version} [${sizeToStr(p.downloadSize)}B]\n`);
    await bulk(sys, `${ARCHIVES}/${debName(p)}`, p.downloadSize, `the Debian archive ${debName(p)}`);
  }
  if (order.some((x) => DEBCONF.has(x.pkg.name))) await con.err('debconf: delaying package configuration, since apt-utils is not installed\n');
  const secs = download / 9_000_000 + 0.2;
  await con.print(`Fetched ${sizeToStr(download)}B in ${timeToStr(secs)} (${sizeToStr(download / secs)}B/s)\n`);
  await unpackAndSetUp(ctx, order);
  if (ctx.prog === 'apt') for (const x of order) await removeQuietly(sys, `${ARCHIVES}/${debName(x.pkg)}`);
  if (autoRemove) return remove(ctx, [], false, true, true);
  return 0;
}

const label = (p: { name: string; multiArch: string; arch: string }): string => (p.multiArch === 'same' ? `${p.name}:${p.arch}` : p.name);

/** dpkg's part: unpack each archive (writing its files), then configure, then the triggers. */
async function unpackAndSetUp(ctx: Ctx, order: Planned[]): Promise<void> {
  const { sys, con } = ctx;
  const width = String(order.length - 1).length < 2 ? 2 : String(order.length - 1).length;
  const nodocs = (await readText(sys, '/etc/dpkg/dpkg.cfg.d/excludes')) !== null;
  for (let i = 0; i < order.length; i++) {
    const { pkg: p, reason } = order[i]!;
    await con.print(`Selecting previously unselected package ${label(p)}.\n`);
    if (i === 0) await con.print(`(Reading database ... ${await databaseCount(sys)} files and directories currently installed.)\n`);
    await con.print(`Preparing to unpack .../${String(i).padStart(width, '0')}-${debName(p)} ...\nUnpacking ${label(p)} (${p.version}) ...\n`);
    const done = await installPackage(sys, '', ctx.catalog, p, { suffix: '.dpkg-new', nodocs: false });
    let paths = done.paths;
    if (nodocs) {
      const docs = paths.filter((x) => /^\/usr\/share\/(doc|man)\//.test(x) && !x.endsWith('/copyright') && done.entries.find((e) => e.path === x)?.type === 'file');
      for (const d of docs) await removeQuietly(sys, d);
      paths = paths.filter((x) => !docs.includes(x));
    }
    await mkdirp(sys, INFO);
    await writeText(sys, `${INFO}/${infoName(p)}.list`, renderDpkgList(paths));
    if (done.config.length) await writeText(sys, `${INFO}/${infoName(p)}.conffiles`, `${done.config.join('\n')}\n`);
    ctx.db.records = ctx.db.records.filter((r) => r.name !== p.name);
    ctx.db.records.push(recordOfPkg(p, done.config, 'installed'));
    if (reason !== 'user') ctx.db.auto.add(p.name);
    else ctx.db.auto.delete(p.name);
    await writeDpkg(sys, ctx.db);
  }
  let libs = false;
  for (const { pkg: p } of order) {
    await con.print(`Setting up ${label(p)} (${p.version}) ...\n`);
    if (p.name === 'ca-certificates') await con.print('Updating certificates in /etc/ssl/certs...\n142 added, 0 removed; done.\n');
    if (SERVICES.has(p.name)) await con.print('invoke-rc.d: could not determine current runlevel\ninvoke-rc.d: policy-rc.d denied execution of start.\n');
    if (p.section === 'libs' || p.name.startsWith('lib')) libs = true;
  }
  const libc = ctx.db.records.find((r) => r.name === 'libc-bin');
  if (libs && libc) await con.print(`Processing triggers for libc-bin (${libc.version}) ...\n`);
  const certs = ctx.db.records.find((r) => r.name === 'ca-certificates');
  if (certs && order.some((x) => x.pkg.name === 'ca-certificates' || x.pkg.name === 'ca-certificates-java')) {
    await con.print(`Processing triggers for ca-certificates (${certs.version}) ...\nUpdating certificates in /etc/ssl/certs...\n0 added, 0 removed; done.\nRunning hooks in /etc/ca-certificates/update.d...\ndone.\n`);
  }
}

async function removeQuietly(sys: Sys, path: string): Promise<void> {
  try {
    await sys.unlink(path);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
}

async function remove(ctx: Ctx, names: string[], purge: boolean, autoRemove: boolean, header = false): Promise<number> {
  const { sys, con } = ctx;
  if (!header) await readingLists(ctx, true);
  const live = ctx.db.records.filter((r) => r.state === 'installed');
  const asked: string[] = [];
  for (const n of names) {
    const real = ctx.catalog.provides.get(n) ?? n;
    if (live.some((r) => r.name === real)) asked.push(real);
    else if (ctx.catalog.packages.has(real) || ctx.db.records.some((r) => r.name === real)) await con.print(`Package '${n}' is not installed, so not removed\n`);
    else return E(ctx, `Unable to locate package ${n}`);
  }
  const map = new Map(live.map((r) => [r.name, {
    pkg: { name: r.name, depends: r.depends, recommends: r.recommends } as Pkg,
    reason: ctx.db.auto.has(r.name) ? 'dep' as const : 'user' as const,
  }]));
  const plan = resolveRemove(asked, map, autoRemove, (n) => ctx.catalog.provides.get(n) ?? n);
  const unused = plan.unused;
  if (!autoRemove) {
    // What would become unneeded is only mentioned, as apt does.
    const would = resolveRemove(asked, map, true, (n) => ctx.catalog.provides.get(n) ?? n).unused;
    if (would.length) {
      await con.print(`The following packages were automatically installed and are no longer required:\n${showList(would.sort())}Use '${ctx.prog === 'apt' ? 'apt' : 'apt-get'} autoremove' to remove ${would.length === 1 ? 'it' : 'them'}.\n`);
    }
  }
  const gone = [...new Set([...asked, ...plan.dependents, ...unused])].sort();
  if (gone.length) {
    const shown = gone.map((n) => (purge && (live.find((r) => r.name === n)?.conffiles.length ?? 0) ? `${n}*` : n));
    await con.print(`The following packages will be REMOVED:\n${showList(shown)}`);
  }
  await con.print(`0 upgraded, 0 newly installed, ${gone.length} to remove and 0 not upgraded.\n`);
  if (!gone.length) return 0;
  const freed = gone.reduce((n, x) => n + (live.find((r) => r.name === x)?.installedSizeK ?? 0) * 1024, 0);
  await con.print(`After this operation, ${sizeToStr(freed)}B disk space will be freed.\n`);
  if (!header && !(await confirm(ctx))) return 1;
  await con.print(`(Reading database ... ${await databaseCount(sys)} files and directories currently installed.)\n`);
  const keep = live.filter((r) => !gone.includes(r.name));
  const shared = new Set<string>();
  for (const r of keep) for (const p of await readList(sys, r)) shared.add(p);
  for (const name of gone) {
    const r = live.find((x) => x.name === name)!;
    await con.print(`Removing ${label(r)} (${r.version}) ...\n`);
    const paths = await readList(sys, r);
    const conf = new Set(purge ? [] : r.conffiles);
    await removePaths(sys, '', paths, shared, conf);
    await removeQuietly(sys, `${INFO}/${infoName(r)}.list`);
    ctx.db.records = ctx.db.records.filter((x) => x.name !== name);
    if (r.conffiles.length && !purge) ctx.db.records.push({ ...r, state: 'config-files' });
    ctx.db.auto.delete(name);
  }
  if (purge) {
    for (const name of gone) {
      const r = live.find((x) => x.name === name)!;
      if (!r.conffiles.length) continue;
      await con.print(`Purging configuration files for ${label(r)} (${r.version}) ...\n`);
      for (const c of r.conffiles) await removeQuietly(sys, c);
      await removeQuietly(sys, `${INFO}/${infoName(r)}.conffiles`);
    }
  }
  await writeDpkg(sys, ctx.db);
  return 0;
}

async function list(ctx: Ctx, patterns: string[], flags: Set<string>): Promise<number> {
  await ctx.con.print('Listing...\n');
  const match = (n: string): boolean => !patterns.length || patterns.some((p) => new RegExp(`^${p.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(n));
  const suite = ctx.catalog.id === 'debian-12' ? 'stable' : 'noble';
  const lines: string[] = [];
  const live = new Map(ctx.db.records.filter((r) => r.state === 'installed').map((r) => [r.name, r]));
  const names = flags.has('--installed') ? [...live.keys()] : (await haveLists(ctx.sys)) ? [...new Set([...ctx.catalog.packages.keys(), ...live.keys()])] : [...live.keys()];
  for (const n of names.filter(match).sort()) {
    const r = live.get(n);
    const p = ctx.catalog.packages.get(n)?.[0];
    const version = r?.version ?? p!.version;
    const arch = r?.arch ?? p!.arch;
    const state = r ? (ctx.db.auto.has(n) ? ' [installed,automatic]' : ' [installed]') : '';
    lines.push(`${n}/${p ? `${suite}${r ? ',now' : ''}` : 'now'} ${version} ${arch}${state}`);
  }
  for (const l of lines) await ctx.con.always(`${l}\n`);
  return 0;
}

async function show(ctx: Ctx, names: string[]): Promise<number> {
  for (const n of names) {
    const p = (await haveLists(ctx.sys)) ? candidate(ctx, n) : null;
    if (!p) return E(ctx, `No packages found`);
    await ctx.con.always(`Package: ${p.name}\nVersion: ${p.version}\nPriority: ${p.priority}\nSection: ${p.section}\nMaintainer: ${p.maintainer}\nInstalled-Size: ${sizeToStr(p.installedSize)}B\n${p.depends.length ? `Depends: ${p.depends.join(', ')}\n` : ''}${p.recommends.length ? `Recommends: ${p.recommends.join(', ')}\n` : ''}Download-Size: ${sizeToStr(p.downloadSize)}B\nAPT-Sources: ${origin(ctx, p).uri} ${origin(ctx, p).suite}/main amd64 Packages\nDescription: ${p.summary}\n\n`);
  }
  return 0;
}
