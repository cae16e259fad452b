// What apt and dpkg read and keep on disk: the sources (deb822 .sources files and sources.list),
// the package lists in /var/lib/apt/lists that `apt-get update` fetches (their presence is what
// lets apt find a package at all), apt.conf.d settings, /var/lib/dpkg/status with the per-package
// .list files, apt's record of automatically installed packages, and the archive cache.

import type { Sys } from '../../../sys/sys.ts';
import { catalogFor, distributionOf } from '../../../runtime/distro/index.ts';
import type { Catalog, Pkg } from '../../../runtime/distro/types.ts';
import { infoName, parseDpkgStatus, renderRecords, type DpkgRecord } from '../../../runtime/distro/dpkgdb.ts';
import { listDir, readText, writeText } from './fs.ts';

export const LISTS = '/var/lib/apt/lists';
export const ARCHIVES = '/var/cache/apt/archives';
export const STATUS = '/var/lib/dpkg/status';
export const INFO = '/var/lib/dpkg/info';
export const EXTENDED = '/var/lib/apt/extended_states';

/** One suite of one archive, with the sizes apt downloads and keeps for it. */
export interface Source {
  uri: string;
  suite: string;
  components: string[];
}

export async function readSources(sys: Sys, catalog: Catalog): Promise<Source[]> {
  const out: Source[] = [];
  for (const file of await listDir(sys, '/etc/apt/sources.list.d')) {
    const text = (await readText(sys, `/etc/apt/sources.list.d/${file}`)) ?? '';
    if (file.endsWith('.sources')) {
      for (const stanza of text.split(/\n\s*\n/)) {
        const f = new Map<string, string>();
        for (const line of stanza.split('\n')) {
          const m = /^([\w-]+):\s*(.*)$/.exec(line);
          if (m) f.set(m[1]!, m[2]!);
        }
        if (!f.get('Types')?.split(/\s+/).includes('deb') || (f.get('Enabled') ?? 'yes') === 'no') continue;
        for (const uri of (f.get('URIs') ?? '').split(/\s+/).filter(Boolean)) {
          for (const suite of (f.get('Suites') ?? '').split(/\s+/).filter(Boolean)) out.push({ uri: uri.replace(/\/$/, ''), suite, components: (f.get('Components') ?? 'main').split(/\s+/) });
        }
      }
    } else if (file.endsWith('.list')) out.push(...oneLine(text));
  }
  out.push(...oneLine((await readText(sys, '/etc/apt/sources.list')) ?? ''));
  if (!out.length && catalog.id === 'debian-12') {
    // A machine without sources (cowbox's own host) reads Debian's, as its layout is Debian's.
    return [{ uri: 'http://deb.debian.org/debian', suite: 'bookworm', components: ['main'] },
      { uri: 'http://deb.debian.org/debian', suite: 'bookworm-updates', components: ['main'] },
      { uri: 'http://deb.debian.org/debian-security', suite: 'bookworm-security', components: ['main'] }];
  }
  return out;
}

function oneLine(text: string): Source[] {
  const out: Source[] = [];
  for (const raw of text.split('\n')) {
    const w = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (w[0] !== 'deb') continue;
    const rest = w.slice(1).filter((x) => !x.startsWith('['));
    if (rest.length >= 2) out.push({ uri: rest[0]!.replace(/\/$/, ''), suite: rest[1]!, components: rest.slice(2) });
  }
  return out;
}

/** apt's list file names: the URI without scheme, slashes as underscores. */
export function listName(s: Source, tail: string): string {
  return `${s.uri.replace(/^\w+:\/\//, '').replace(/\//g, '_')}_dists_${s.suite}_${tail}`;
}

/** Sizes: [InRelease bytes, Packages download bytes, Packages list bytes kept], by suite kind. */
export function suiteSizes(s: Source, component: string): { release: number; download: number; kept: number } {
  const security = s.suite.endsWith('-security');
  const updates = s.suite.endsWith('-updates') || s.suite.endsWith('-backports');
  const big = component === 'main' || component === 'universe';
  if (s.suite.startsWith('bookworm')) {
    if (security) return { release: 48_014, download: 380_456, kept: 766_810 };
    if (updates) return { release: 55_403, download: 6_924, kept: 11_648 };
    return { release: 151_075, download: 8_790_196, kept: 18_840_233 };
  }
  const factor = component === 'universe' ? 10 : component === 'main' ? 1 : 0.05;
  if (security) return { release: 126_146, download: Math.round(1_098_000 * factor), kept: Math.round(2_300_000 * factor) };
  if (updates) return { release: 126_146, download: Math.round(1_350_000 * factor), kept: Math.round(2_900_000 * factor) };
  return { release: 255_957, download: Math.round((big ? 1_401_000 : 70_000) * factor), kept: Math.round((big ? 4_100_000 : 190_000) * factor) };
}

export async function chooseCatalog(sys: Sys): Promise<Catalog> {
  const dist = distributionOf((await readText(sys, '/etc/os-release')) ?? '');
  return catalogFor(dist === 'ubuntu-24.04' ? dist : 'debian-12');
}

/** Settings of apt.conf.d that change what apt keeps. */
export async function aptConf(sys: Sys): Promise<{ pkgcache: boolean; lz4: boolean }> {
  let text = (await readText(sys, '/etc/apt/apt.conf')) ?? '';
  for (const f of await listDir(sys, '/etc/apt/apt.conf.d')) text += `\n${(await readText(sys, `/etc/apt/apt.conf.d/${f}`)) ?? ''}`;
  return { pkgcache: !/^\s*Dir::Cache::pkgcache\s+""/m.test(text), lz4: /GzipIndexes\s+"true"/.test(text) };
}

/** Have the lists been fetched? apt can find packages only then. */
export async function haveLists(sys: Sys): Promise<boolean> {
  return (await listDir(sys, LISTS)).some((f) => f.includes('Packages'));
}

export interface DpkgDb {
  records: DpkgRecord[];
  auto: Set<string>;
}

export async function readDpkg(sys: Sys): Promise<DpkgDb> {
  const records = parseDpkgStatus((await readText(sys, STATUS)) ?? '');
  const auto = new Set<string>();
  for (const stanza of ((await readText(sys, EXTENDED)) ?? '').split(/\n\n+/)) {
    const name = /^Package: (.+)$/m.exec(stanza)?.[1];
    if (name && /^Auto-Installed: 1$/m.test(stanza)) auto.add(name);
  }
  return { records, auto };
}

export async function writeDpkg(sys: Sys, db: DpkgDb): Promise<void> {
  await writeText(sys, STATUS, renderRecords(db.records));
  const installed = new Set(db.records.filter((r) => r.state === 'installed').map((r) => r.name));
  await writeText(sys, EXTENDED, [...db.auto].filter((n) => installed.has(n)).sort()
    .map((n) => `Package: ${n}\nArchitecture: amd64\nAuto-Installed: 1\n\n`).join(''));
}

export async function readList(sys: Sys, r: { name: string; multiArch: string; arch: string }): Promise<string[]> {
  return ((await readText(sys, `${INFO}/${infoName(r)}.list`)) ?? '').split('\n').filter((l) => l && l !== '/.');
}

/** Files and directories dpkg knows of, for "(Reading database ... N files and directories currently installed.)". */
export async function databaseCount(sys: Sys): Promise<number> {
  const all = new Set<string>();
  for (const f of await listDir(sys, INFO)) {
    if (!f.endsWith('.list')) continue;
    for (const l of ((await readText(sys, `${INFO}/${f}`)) ?? '').split('\n')) if (l) all.add(l);
  }
  return all.size;
}

/** The archive file name apt gives a package: name_version_arch.deb, ':' in the version as %3a. */
export function debName(p: Pkg): string {
  return `${p.name}_${p.version.replace(/:/g, '%3a')}_${p.arch}.deb`;
}

/** apt's SizeToStr: 1000 steps, one decimal below 100 of a unit. */
export function sizeToStr(n: number): string {
  const ext = ['', 'k', 'M', 'G', 'T'];
  let i = 0;
  for (;;) {
    if (n < 100 && i !== 0) return `${n.toFixed(1)} ${ext[i]}`;
    if (n < 10000 || i === ext.length - 1) return `${n.toFixed(0)} ${ext[i]}`;
    n /= 1000;
    i++;
  }
}

/** apt's TimeToStr for whole seconds. */
export function timeToStr(s: number): string {
  s = Math.floor(s);
  if (s >= 3600) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}min ${s % 60}s`;
  if (s >= 60) return `${Math.floor(s / 60)}min ${s % 60}s`;
  return `${s}s`;
}

/** A list of names as apt shows one: two spaces in, wrapped before 80 columns. */
export function showList(names: string[]): string {
  const lines: string[] = [];
  let cur = ' ';
  for (const n of names) {
    if (cur.length + 1 + n.length > 79 && cur.trim()) {
      lines.push(cur);
      cur = ' ';
    }
    cur += ` ${n}`;
  }
  if (cur.trim()) lines.push(cur);
  return lines.map((l) => `${l}\n`).join('');
}
