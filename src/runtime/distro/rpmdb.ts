// The rpm database at /var/lib/rpm/Packages. Real rpm 4.14 keeps it in Berkeley DB; cowbox keeps
// the same facts as text, one record per package (the header tags `rpm -qi` prints, the reason
// dnf installed it, its files and config files), so `cat` shows what rpm knows. dnf's module
// state lives where dnf keeps it, in /etc/dnf/modules.d/NAME.module.

import type { Pkg, Reason } from './types.ts';

export const RPMDB = '/var/lib/rpm/Packages';

export interface RpmRecord {
  name: string;
  epoch: number;
  version: string;
  release: string;
  arch: string;
  size: number;
  summary: string;
  group: string;
  license: string;
  url: string;
  installTime: number;
  /** The repository it came from, or "System" for packages the image came with. */
  repo: string;
  reason: Reason;
  requires: string[];
  recommends: string[];
  stream: string;
  /** What `rpm -ql` lists: files, links and the directories the package owns. */
  files: string[];
  /** Parent directories made for its files, removed again when empty. */
  dirs: string[];
  config: string[];
}

export function recordOf(p: Pkg, files: string[], dirs: string[], config: string[], repo: string, reason: Reason, installTime: number): RpmRecord {
  const dash = p.version.lastIndexOf('-');
  return {
    name: p.name, epoch: p.epoch, version: p.version.slice(0, dash), release: p.version.slice(dash + 1), arch: p.arch,
    size: p.installedSize, summary: p.summary, group: p.section || 'Unspecified', license: p.license, url: p.url,
    installTime, repo, reason, requires: p.depends, recommends: p.recommends, stream: p.stream, files, dirs, config,
  };
}

/** name-version-release.arch, as `rpm -q` and `rpm -qa` print it. */
export function rpmNvra(r: RpmRecord): string {
  return `${r.name}-${r.version}-${r.release}.${r.arch}`;
}

/** The version dnf shows: [epoch:]version-release. */
export function rpmEvr(r: { epoch: number; version: string; release: string }): string {
  return `${r.epoch ? `${r.epoch}:` : ''}${r.version}-${r.release}`;
}

const FIELDS: Array<[string, keyof RpmRecord]> = [
  ['Name', 'name'], ['Epoch', 'epoch'], ['Version', 'version'], ['Release', 'release'], ['Architecture', 'arch'],
  ['Size', 'size'], ['Group', 'group'], ['License', 'license'], ['URL', 'url'], ['Summary', 'summary'],
  ['Install-Time', 'installTime'], ['From-Repo', 'repo'], ['Reason', 'reason'], ['Module-Stream', 'stream'],
];

export function renderRpmDb(records: RpmRecord[]): string {
  const out = ['# cowbox rpm database: what rpm 4.14 keeps in Berkeley DB, as text; one record per package.', ''];
  for (const r of records) {
    for (const [label, key] of FIELDS) out.push(`${label}: ${r[key]}`);
    out.push(`Requires: ${r.requires.join(' ')}`, `Recommends: ${r.recommends.join(' ')}`);
    out.push('Files:', ...r.files.map((f) => ` ${f}`));
    out.push('Dirs:', ...r.dirs.map((f) => ` ${f}`));
    out.push('Config:', ...r.config.map((f) => ` ${f}`), '');
  }
  return out.join('\n');
}

export function parseRpmDb(text: string): RpmRecord[] {
  const out: RpmRecord[] = [];
  for (const block of text.split(/\n\n+/)) {
    if (!block.includes('Name: ')) continue;
    const r = { files: [], dirs: [], config: [], requires: [], recommends: [] } as unknown as RpmRecord & Record<string, unknown>;
    let list: string[] | null = null;
    for (const line of block.split('\n')) {
      if (line.startsWith('#')) continue;
      if (line.startsWith(' ')) {
        list?.push(line.slice(1));
        continue;
      }
      const colon = line.indexOf(':');
      const label = line.slice(0, colon);
      const value = line.slice(colon + 1).trim();
      if (label === 'Files') list = r.files;
      else if (label === 'Dirs') list = r.dirs;
      else if (label === 'Config') list = r.config;
      else if (label === 'Requires') r.requires = value.split(' ').filter(Boolean);
      else if (label === 'Recommends') r.recommends = value.split(' ').filter(Boolean);
      else {
        const field = FIELDS.find(([l]) => l === label);
        if (field) (r as Record<string, unknown>)[field[1]] = ['epoch', 'size', 'installTime'].includes(field[1]) ? Number(value) : value;
      }
    }
    out.push(r);
  }
  return out;
}
