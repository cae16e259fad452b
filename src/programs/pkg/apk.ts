// apk (apk-tools 2.14, Alpine Linux): add [--no-cache] [--virtual NAME], del, update, info, list,
// search. Output follows apk-tools: "fetch URL" for each repository index it downloads (kept in
// /var/cache/apk unless --no-cache; fetched again after 4 hours or with -U/update), "(i/n)
// Installing NAME (VERSION)", the busybox and ca-certificates triggers, "OK: N MiB in M packages",
// and the solver's "unable to select packages" error. The database is /lib/apk/db/installed and
// /etc/apk/world; installing writes every file of every package.

import { isSysError, strerror } from '../../abi/errno.ts';
import { O_CREAT, O_RDWR, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { catalogFor, distributionOf } from '../../runtime/distro/index.ts';
import { blankPkg, type Catalog, type Pkg } from '../../runtime/distro/types.ts';
import { parseApkInstalled, renderApkInstalled, type ApkRecord } from '../../runtime/distro/apkdb.ts';
import { nowSeconds } from './lib/clock.ts';
import { Console } from './lib/console.ts';
import { mkdirp, readText, removePaths, writeText } from './lib/fs.ts';
import { sha256Hex } from '../../runtime/distro/hash.ts';
import { installPackage } from './lib/install.ts';
import { fillerChunks } from '../../runtime/distro/filler.ts';
import { utf8Encode } from '../../base/text.ts';

export const meta: ProgramMeta = {
  name: 'apk', package: 'apk-tools', version: '2.14.4',
  usage: ['[<OPTIONS>...] COMMAND [<ARGUMENTS>...]'],
  summary: 'The Alpine package manager: add, del, update, info, list and search packages.',
  standardOptions: false,
  options: [
    { long: 'no-cache', help: 'do not keep the repository indexes in /var/cache/apk' },
    { short: 'U', long: 'update-cache', help: 'fetch the repository indexes first' },
    { short: 't', long: 'virtual', arg: 'required', argName: 'NAME', help: 'add a virtual package NAME depending on the packages given' },
    { short: 'p', long: 'root', arg: 'required', argName: 'DIR', help: 'manage the system under DIR' },
    { short: 'q', long: 'quiet', help: 'print less' },
    { short: 'v', long: 'verbose', help: 'print more' },
    { short: 'I', long: 'installed', help: 'list: only installed packages' },
    { short: 'a', long: 'available', help: 'list: only available packages' },
    { short: 'L', long: 'contents', help: 'info: list the files of a package' },
    { short: 'e', long: 'installed', help: 'info: print the name if it is installed' },
    { short: 's', long: 'size', help: 'info: print the installed size' },
    { short: 'V', long: 'version', help: 'print the version of apk-tools' },
  ],
};

const VERSION = 'apk-tools 2.14.4, compiled for x86_64.\n';
const USAGE = `${VERSION}
usage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]

Package installation and removal:
  add        Add packages to WORLD and commit changes
  del        Remove packages from WORLD and commit changes

System maintenance:
  update     Update repository indexes

Querying package information:
  info       Give detailed information about packages or repositories
  list       List packages matching a pattern or other criteria
  search     Search for packages by name or description

This apk has coffee making abilities.
`;

const DB = '/lib/apk/db/installed';
const WORLD = '/etc/apk/world';
const CACHE = '/var/cache/apk';
const MAX_AGE = 4 * 3600;

interface Entry {
  rec: ApkRecord;
  /** The record's text as it stands in the installed database. */
  block: string;
}

interface Ctx {
  sys: Sys;
  con: Console;
  root: string;
  catalog: Catalog;
  repos: string[];
  installed: Map<string, Entry>;
  world: string[];
  noCache: boolean;
  update: boolean;
  verbose: number;
}

export default async function apk(sys: Sys): Promise<number> {
  const con = new Console(sys);
  const opts = { noCache: false, update: false, virtual: '', root: '', quiet: false, verbose: 0, flags: new Set<string>() };
  const words: string[] = [];
  const args = sys.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--no-cache') opts.noCache = true;
    else if (a === '-U' || a === '--update-cache') opts.update = true;
    else if (a === '-t' || a === '--virtual') opts.virtual = args[++i] ?? '';
    else if (a.startsWith('--virtual=')) opts.virtual = a.slice(10);
    else if (a === '-p' || a === '--root') opts.root = (args[++i] ?? '').replace(/\/+$/, '');
    else if (a === '-q' || a === '--quiet') opts.quiet = true;
    else if (a === '-v' || a === '--verbose') opts.verbose++;
    else if (a === '-vv') opts.verbose += 2;
    else if (a === '-V' || a === '--version') words.unshift('--version');
    else if (['--no-progress', '--progress', '--allow-untrusted', '--force-broken-world', '--clean-protected', '--purge', '--latest', '-l', '--upgrade', '-u', '--no-scripts', '--force'].includes(a)) continue;
    else if (/^-[IaLesRdw]$/.test(a) || ['--installed', '--available', '--contents', '--size', '--description', '--webpage', '--depends', '--rdepends'].includes(a)) opts.flags.add(a);
    else if (a === '-X' || a === '--repository') i++;
    else if (a.startsWith('-') && a.length > 1) {
      await con.err(`apk: unrecognized option '${a}'\n`);
      return 1;
    } else words.push(a);
  }
  con.quiet = opts.quiet;
  const [command, ...names] = words;
  try {
    if (command === '--version') {
      await con.always(VERSION);
      return 0;
    }
    if (!command || !['add', 'del', 'update', 'info', 'list', 'search'].includes(command)) {
      await con.err(USAGE);
      return 1;
    }
    const ctx = await open(sys, con, opts.root, command !== 'info' && command !== 'list' && command !== 'search');
    if (typeof ctx === 'number') return ctx;
    ctx.noCache = opts.noCache;
    ctx.update = opts.update;
    ctx.verbose = opts.verbose;
    switch (command) {
      case 'add': return await add(ctx, names, opts.virtual);
      case 'del': return await del(ctx, names);
      case 'update': return await update(ctx);
      case 'info': return await info(ctx, names, opts.flags);
      case 'list': return await list(ctx, names, opts.flags);
      default: return await search(ctx, names);
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    await con.err(`ERROR: ${e.message.replace(/^\w+: /, '')}\n`);
    return 1;
  } finally {
    await con.flush();
  }
}

/** Lock and read the database, as apk_db_open does; its failures end the run with status 99. */
async function open(sys: Sys, con: Console, root: string, write: boolean): Promise<Ctx | number> {
  const dbText = await readText(sys, `${root}${DB}`);
  if (write || dbText === null) {
    try {
      if (dbText === null) await sys.stat(`${root}/lib/apk/db`);
      await sys.close(await sys.open(`${root}/lib/apk/db/lock`, O_RDWR | O_CREAT, 0o600));
    } catch (e) {
      if (!isSysError(e)) throw e;
      await con.err(`ERROR: Unable to lock database: ${strerror(e.code)}\nERROR: Failed to open apk database: ${strerror(e.code)}\n`);
      return 99;
    }
  }
  const repos = ((await readText(sys, `${root}/etc/apk/repositories`)) ?? '').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const release = /\/v(3\.\d+)\//.exec(repos.join('\n'))?.[1];
  const dist = release ? `alpine-${release}` : distributionOf((await readText(sys, `${root}/etc/os-release`)) ?? '') ?? 'alpine-3.20';
  const catalog = await catalogFor(dist.startsWith('alpine') ? dist : 'alpine-3.20');
  const installed = new Map<string, Entry>();
  for (const block of (dbText ?? '').split(/\n\n+/)) {
    const rec = parseApkInstalled(block)[0];
    if (rec) installed.set(rec.name, { rec, block: `${block.trim()}\n` });
  }
  const world = ((await readText(sys, `${root}${WORLD}`)) ?? '').split(/\s+/).filter(Boolean);
  return { sys, con, root, catalog, repos, installed, world, noCache: false, update: false, verbose: 0 };
}

function indexUrl(repo: string): string {
  return `${repo.replace(/^@\S+\s+/, '')}/x86_64/APKINDEX.tar.gz`;
}

function indexFile(repo: string): string {
  return `${CACHE}/APKINDEX.${sha256Hex(indexUrl(repo)).slice(0, 8)}.tar.gz`;
}

/** Fetch the indexes that are missing or stale (all of them with --no-cache or `force`). */
async function fetchIndexes(ctx: Ctx, force: boolean): Promise<void> {
  const now = await nowSeconds(ctx.sys);
  for (const repo of ctx.repos) {
    const file = `${ctx.root}${indexFile(repo)}`;
    if (!force && !ctx.noCache) {
      try {
        const st = await ctx.sys.stat(file);
        if (now - Number(st.mtimeNs / 1_000_000_000n) < MAX_AGE) continue;
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
    }
    await ctx.con.print(`fetch ${indexUrl(repo)}\n`);
    if (ctx.noCache) continue;
    await mkdirp(ctx.sys, `${ctx.root}${CACHE}`);
    const size = repo.endsWith('/community') ? 1_393_227 : 489_431;
    const fd = await ctx.sys.open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644);
    try {
      for (const chunk of fillerChunks({ seed: file, size, head: utf8Encode(`cowbox: the signed index of ${repo} stands here.\n`) })) await ctx.sys.writeAll(fd, chunk);
    } finally {
      await ctx.sys.close(fd);
    }
  }
}

/** Which repositories a package is in: main or community, if /etc/apk/repositories lists it. */
function available(ctx: Ctx, p: Pkg): boolean {
  return ctx.repos.some((r) => r.endsWith(`/${p.repo}`));
}

function choose(ctx: Ctx, name: string): Pkg | null {
  const p = ctx.catalog.packages.get(ctx.catalog.provides.get(name) ?? name)?.[0];
  return p && available(ctx, p) ? p : null;
}

function totals(ctx: Ctx): string {
  let bytes = 0;
  for (const e of ctx.installed.values()) bytes += e.rec.installedSize;
  return `OK: ${Math.floor(bytes / 1048576)} MiB in ${ctx.installed.size} packages\n`;
}

async function save(ctx: Ctx): Promise<void> {
  await writeText(ctx.sys, `${ctx.root}${DB}`, [...ctx.installed.values()].map((e) => `${e.block}\n`).join(''));
  await writeText(ctx.sys, `${ctx.root}${WORLD}`, `${[...new Set(ctx.world)].sort().join('\n')}\n`);
}

/** Run the triggers of installed packages watching a directory that changed. */
async function triggers(ctx: Ctx, changed: string[]): Promise<void> {
  for (const { rec } of ctx.installed.values()) {
    const p = ctx.catalog.packages.get(rec.name)?.[0];
    if (!p?.triggers.length) continue;
    if (changed.some((f) => p.triggers.some((t) => f.startsWith(`${t}/`)))) await ctx.con.print(`Executing ${rec.name}-${rec.version}.trigger\n`);
  }
}

async function add(ctx: Ctx, names: string[], virtual: string): Promise<number> {
  const { con, sys } = ctx;
  await fetchIndexes(ctx, ctx.update);
  const missing = names.filter((n) => !ctx.installed.has(n) && !choose(ctx, n));
  if (missing.length) {
    await con.err(`ERROR: unable to select packages:\n${missing.map((n) => `  ${n} (no such package):\n    required by: world[${n}]\n`).join('')}`);
    return 1;
  }
  const now = Math.floor(await nowSeconds(sys));
  const wanted: Pkg[] = [];
  for (const n of names) {
    const p = choose(ctx, n);
    if (p && !ctx.installed.has(p.name)) wanted.push(p);
  }
  const order: Pkg[] = [];
  const seen = new Set<string>();
  const visit = (p: Pkg): void => {
    if (seen.has(p.name) || ctx.installed.has(p.name)) return;
    seen.add(p.name);
    for (const d of p.depends) {
      const dep = choose(ctx, d);
      if (dep) visit(dep);
    }
    order.push(p);
  };
  for (const p of wanted) visit(p);
  let virt: Pkg | null = null;
  if (virtual) {
    const d = new Date(now * 1000);
    const stamp = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCHours()).padStart(2, '0')}${String(d.getUTCMinutes()).padStart(2, '0')}${String(d.getUTCSeconds()).padStart(2, '0')}`;
    virt = { ...blankPkg(virtual), version: stamp, arch: 'noarch', depends: names, summary: 'virtual meta package' };
    order.push(virt);
  }
  ctx.world.push(...(virtual ? [virtual] : names));
  const changed: string[] = [];
  for (let i = 0; i < order.length; i++) {
    const p = order[i]!;
    await con.print(`(${i + 1}/${order.length}) Installing ${p.name} (${p.version})\n`);
    if (p.users.length) await con.print(`  Executing ${p.name}-${p.version}.pre-install\n`);
    const done = p === virt ? { entries: [], paths: [] } : await installPackage(sys, ctx.root, ctx.catalog, p, { suffix: `.apk.${sha256Hex(p.name).slice(0, 16)}` });
    changed.push(...done.paths);
    const block = renderApkInstalled([{ pkg: p, entries: done.entries, time: now }]);
    ctx.installed.set(p.name, { rec: parseApkInstalled(block)[0]!, block });
  }
  await save(ctx);
  if (order.length) await triggers(ctx, changed);
  await con.print(totals(ctx));
  return 0;
}

async function del(ctx: Ctx, names: string[]): Promise<number> {
  const { con, sys } = ctx;
  const resolved = names.map((n) => ctx.catalog.provides.get(n) ?? n);
  ctx.world = ctx.world.filter((w) => !names.includes(w) && !resolved.includes(w));
  // Everything still reachable from the world stays; the rest is purged, dependents first.
  const keep = new Set<string>();
  const visit = (name: string): void => {
    const real = ctx.installed.has(name) ? name : ctx.catalog.provides.get(name) ?? name;
    if (keep.has(real) || !ctx.installed.has(real)) return;
    keep.add(real);
    for (const d of ctx.installed.get(real)!.rec.depends) visit(d);
  };
  for (const w of ctx.world) visit(w);
  const blocked = resolved.filter((n) => keep.has(n));
  const purge = [...ctx.installed.keys()].filter((n) => !keep.has(n)).reverse();
  const shared = new Set<string>();
  for (const n of keep) for (const f of [...ctx.installed.get(n)!.rec.dirs, ...ctx.installed.get(n)!.rec.files]) shared.add(`/${f}`);
  const changed: string[] = [];
  for (let i = 0; i < purge.length; i++) {
    const { rec } = ctx.installed.get(purge[i]!)!;
    await con.print(`(${i + 1}/${purge.length}) Purging ${rec.name} (${rec.version})\n`);
    const paths = [...rec.dirs, ...rec.files].map((p) => `/${p}`);
    await removePaths(sys, ctx.root, paths, shared);
    changed.push(...paths);
    ctx.installed.delete(rec.name);
  }
  if (blocked.length) {
    await con.print(`World updated, but the following packages are not removed due to:\n${blocked.map((b) => `  ${b}: ${[...ctx.installed.values()].filter((e) => e.rec.depends.includes(b)).map((e) => e.rec.name).join(' ')}\n`).join('')}\n`);
  }
  await save(ctx);
  if (purge.length) await triggers(ctx, changed);
  await con.print(totals(ctx));
  return 0;
}

async function update(ctx: Ctx): Promise<number> {
  await fetchIndexes(ctx, true);
  for (const repo of ctx.repos) {
    const tag = repo.endsWith('/community') ? 'v3.20.3-270-g3b1d9ab6a17' : 'v3.20.3-271-g6c7ec4dbf4f';
    await ctx.con.print(`${ctx.catalog.id === 'alpine-3.19' ? tag.replace('3.20.3', '3.19.4') : tag} [${repo}]\n`);
  }
  const total = ctx.repos.reduce((n, r) => n + (r.endsWith('/community') ? 18_573 : 5_592), 0);
  await ctx.con.print(`OK: ${total} distinct packages available\n`);
  return 0;
}

async function info(ctx: Ctx, names: string[], flags: Set<string>): Promise<number> {
  const { con } = ctx;
  if (!names.length) {
    for (const { rec } of ctx.installed.values()) await con.always(ctx.verbose ? `${rec.name}-${rec.version}${ctx.verbose > 1 ? ` - ${rec.summary}` : ''}\n` : `${rec.name}\n`);
    return 0;
  }
  let status = 0;
  for (const n of names) {
    const e = ctx.installed.get(n);
    if (flags.has('-e') || flags.has('--installed')) {
      if (e) await con.always(`${n}\n`);
      else status = 1;
      continue;
    }
    const p = e ? null : choose(ctx, n);
    const r = e?.rec ?? (p ? { name: p.name, version: p.version, summary: p.summary, url: p.url, installedSize: p.installedSize, files: [] as string[] } : null);
    if (!r) continue;
    const id = `${r.name}-${r.version}`;
    if (flags.has('-L') || flags.has('--contents')) {
      await con.always(`${id} contains:\n${r.files.map((f) => `${f}\n`).join('')}\n`);
    } else if (flags.has('-s') || flags.has('--size')) {
      await con.always(`${id} installed size:\n${Math.round(r.installedSize / 1024)} KiB\n\n`);
    } else {
      await con.always(`${id} description:\n${r.summary}\n\n${id} webpage:\n${r.url}\n\n${id} installed size:\n${Math.round(r.installedSize / 1024)} KiB\n\n`);
    }
  }
  return status;
}

async function list(ctx: Ctx, names: string[], flags: Set<string>): Promise<number> {
  const only = flags.has('-I') || flags.has('--installed') ? 'installed' : flags.has('-a') || flags.has('--available') ? 'available' : 'all';
  const match = (n: string): boolean => !names.length || names.some((pat) => new RegExp(`^${pat.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(n));
  const lines: string[] = [];
  for (const list of ctx.catalog.packages.values()) {
    const p = list[0]!;
    if (!match(p.name) || !available(ctx, p)) continue;
    const have = ctx.installed.get(p.name);
    if (only === 'installed' && !have) continue;
    lines.push(`${p.name}-${p.version} ${p.arch} {${p.section}} (${p.license})${have ? ' [installed]' : ''}`);
  }
  for (const { rec } of ctx.installed.values()) {
    if (!ctx.catalog.packages.has(rec.name) && match(rec.name) && only !== 'available') lines.push(`${rec.name}-${rec.version} ${rec.arch} {${rec.origin}} (${rec.license}) [installed]`);
  }
  for (const l of lines.sort()) await ctx.con.always(`${l}\n`);
  return 0;
}

async function search(ctx: Ctx, names: string[]): Promise<number> {
  const hits: string[] = [];
  for (const list of ctx.catalog.packages.values()) {
    const p = list[0]!;
    if (!available(ctx, p)) continue;
    if (names.length && !names.some((n) => p.name.includes(n.replace(/\*/g, '')))) continue;
    hits.push(ctx.verbose ? `${p.name}-${p.version} - ${p.summary}` : `${p.name}-${p.version}`);
  }
  for (const h of hits.sort()) await ctx.con.always(`${h}\n`);
  return 0;
}
