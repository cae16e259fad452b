// What a package catalog holds: packages with the facts their package managers print (name,
// version, sizes, dependencies, summary) and what installing them lays down (files, directories,
// links, accounts). Catalogs are data written compactly, one table line per package plus short
// file specs; parseTable and parseFiles turn them into Pkg records. A distribution's images and
// its package manager read the same records, so an image's package database and what `apk add`
// or `dnf install` writes never disagree.

/** Why a package is installed: asked for, needed by another, or pulled in as a weak dependency. */
export type Reason = 'user' | 'dep' | 'weak';

/** Which package manager's conventions a catalog follows. */
export type PkgFamily = 'apk' | 'deb' | 'rpm';

/**
 * One line of a package's contents, written as a short spec string:
 *   x PATH PROGRAM [MODE]     an executable: a cowbox program file naming PROGRAM (dropped when
 *                             cowbox has no such command, see commands.ts)
 *   s PATH STANDIN [VERSION]  a stand-in script for a tool cowbox does not run (see standins.ts)
 *   c PATH [MODE] [OWNER]     a configuration file; its text is the catalog's CONF[PATH]
 *   f PATH [MODE] [OWNER]     a plain file; its text is the catalog's CONF[PATH] too
 *   d PATH [MODE] [OWNER]     a directory (OWNER as user:group)
 *   l PATH TARGET             a symbolic link
 *   g PATH [WEIGHT]           a file that takes (a share of) the package's bulk bytes
 */
export type FileSpec = string;

export interface Pkg {
  name: string;
  /** As the package manager prints it: 8.9.1-r1, 2:8.2+93, 2.4.37-16.module+el8.1.0+4134+e6bad0ed. */
  version: string;
  /** rpm only: the epoch, printed as E: in NEVRA strings when not 0. */
  epoch: number;
  arch: string;
  /** Bytes the installed files take (the sum of what expand() lays down comes to about this). */
  installedSize: number;
  /** Bytes of the package archive a download fetches. */
  downloadSize: number;
  depends: string[];
  /** Weak dependencies installed by default: deb Recommends, rpm Recommends. */
  recommends: string[];
  summary: string;
  /** apk: main/community; deb: the suite and component; rpm: the repository id. */
  repo: string;
  /** deb: Section; rpm: Group; apk: unused. */
  section: string;
  priority: string;
  multiArch: string;
  essential: boolean;
  maintainer: string;
  license: string;
  url: string;
  /** rpm module stream the package belongs to, as name:stream ("php:7.3"). */
  stream: string;
  files: FileSpec[];
  /** Lines added to /etc/passwd and /etc/group when the package is installed (if absent). */
  users: string[];
  groups: string[];
  /** apk: directories whose changes run this package's trigger. */
  triggers: string[];
}

/** A distribution's catalog: its packages and the configuration texts their specs name. */
export interface Catalog {
  family: PkgFamily;
  /** Distribution id: alpine-3.20, debian-12, ubuntu-24.04, ubi8. */
  id: string;
  /** Every candidate of a name: one, or several for rpm module streams (php 7.2 and 7.3). */
  packages: Map<string, Pkg[]>;
  /** Contents of c/f specs, by path. */
  conf: Record<string, string>;
  /** What a fresh image of the distribution has installed. */
  base: string[];
  /** rpm modules: module -> its default stream and each stream's profiles and summary. */
  modules: Record<string, { default: string; summary: string; streams: Record<string, string> }>;
  /** Other names a package answers to (virtual packages, provides), name -> package. */
  provides: Map<string, string>;
}

export function blankPkg(name: string): Pkg {
  return {
    name, version: '', epoch: 0, arch: '', installedSize: 0, downloadSize: 0, depends: [],
    recommends: [], summary: '', repo: '', section: '', priority: '', multiArch: '', essential: false,
    maintainer: '', license: '', url: '', stream: '', files: [], users: [], groups: [], triggers: [],
  };
}

const words = (s: string | undefined): string[] => (s ?? '').split(/\s+/).filter(Boolean);

/** Column order of a table: which Pkg field each `|`-separated column fills. */
export type Column = 'name' | 'version' | 'epoch' | 'arch' | 'isizeK' | 'isize' | 'dsizeK' | 'dsize' | 'depends' | 'recommends'
  | 'summary' | 'repo' | 'section' | 'priority' | 'multiArch' | 'essential' | 'maintainer' | 'license' | 'url' | 'stream' | 'skip';

/** Parse a table: one package a line, columns separated by `|`, blank lines and `#` lines skipped. */
export function parseTable(text: string, columns: Column[], defaults: Partial<Pkg> = {}): Pkg[] {
  const out: Pkg[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const cells = line.split('|');
    const p: Pkg = { ...blankPkg(''), ...structuredCloneLite(defaults) };
    columns.forEach((col, i) => {
      const v = (cells[i] ?? '').trim();
      switch (col) {
        case 'name': p.name = v; break;
        case 'version': p.version = v; break;
        case 'epoch': p.epoch = Number(v || 0); break;
        case 'arch': if (v) p.arch = v; break;
        case 'isizeK': p.installedSize = Math.round(Number(v) * 1024); break;
        case 'isize': p.installedSize = Number(v); break;
        case 'dsizeK': p.downloadSize = Math.round(Number(v) * 1024); break;
        case 'dsize': p.downloadSize = Number(v); break;
        case 'depends': p.depends = words(v); break;
        case 'recommends': p.recommends = words(v); break;
        case 'essential': p.essential = v === 'E'; break;
        case 'skip': break;
        default: if (v) (p as unknown as Record<string, string>)[col] = v;
      }
    });
    out.push(p);
  }
  return out;
}

function structuredCloneLite(d: Partial<Pkg>): Partial<Pkg> {
  const out: Partial<Pkg> = { ...d };
  for (const k of ['depends', 'recommends', 'files', 'users', 'groups', 'triggers'] as const) if (d[k]) out[k] = [...d[k]!];
  return out;
}

/** Attach file specs (name -> newline-separated specs) and other per-package extras. */
/** Attach file specs, name -> newline-separated specs (every candidate of the name gets them). */
export function addFiles(pkgs: Map<string, Pkg[]>, files: Record<string, string>): void {
  for (const [name, specs] of Object.entries(files)) {
    const list = pkgs.get(name);
    if (!list) throw new Error(`catalog: files for unknown package ${name}`);
    for (const p of list) p.files.push(...specs.split('\n').map((s) => s.trim()).filter(Boolean));
  }
}

/** Set other fields of named packages (accounts, triggers...). */
export function amend(pkgs: Map<string, Pkg[]>, name: string, change: Partial<Pkg>): void {
  const list = pkgs.get(name);
  if (!list) throw new Error(`catalog: no package ${name}`);
  for (const p of list) Object.assign(p, change);
}

export function indexPackages(list: Pkg[]): Map<string, Pkg[]> {
  const m = new Map<string, Pkg[]>();
  for (const p of list) m.set(p.name, [...(m.get(p.name) ?? []), p]);
  return m;
}

/** name-version-release.arch, with the epoch when it is not 0 (rpm's NEVRA). */
export function nevra(p: Pkg): string {
  return `${p.name}-${p.epoch ? `${p.epoch}:` : ''}${p.version}.${p.arch}`;
}

/** rpm's version and release, split at the last '-'. */
export function versionRelease(p: Pkg): { version: string; release: string } {
  const dash = p.version.lastIndexOf('-');
  return dash < 0 ? { version: p.version, release: '' } : { version: p.version.slice(0, dash), release: p.version.slice(dash + 1) };
}
