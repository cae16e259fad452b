// dpkg's database: /var/lib/dpkg/status (one stanza per package, in dpkg's field order) and
// /var/lib/dpkg/info/NAME.list (every path the package installed, directories included, "/."
// first). apt's list of automatically installed packages is /var/lib/apt/extended_states.

import type { Pkg } from './types.ts';
import { sha256Hex } from './hash.ts';

export type DpkgState = 'installed' | 'config-files';

export interface DpkgEntry {
  pkg: Pkg;
  conffiles: string[];
  state: DpkgState;
}

export interface DpkgRecord {
  name: string;
  version: string;
  arch: string;
  installedSizeK: number;
  section: string;
  priority: string;
  maintainer: string;
  multiArch: string;
  essential: boolean;
  depends: string[];
  recommends: string[];
  summary: string;
  state: DpkgState;
  conffiles: string[];
}

export function recordOfPkg(p: Pkg, conffiles: string[], state: DpkgState): DpkgRecord {
  return {
    name: p.name, version: p.version, arch: p.arch, installedSizeK: Math.round(p.installedSize / 1024), section: p.section,
    priority: p.priority, maintainer: p.maintainer, multiArch: p.multiArch, essential: p.essential, depends: p.depends,
    recommends: p.recommends, summary: p.summary, state, conffiles,
  };
}

export function renderRecords(records: DpkgRecord[]): string {
  let out = '';
  for (const r of records) {
    out += `Package: ${r.name}\n`;
    if (r.essential) out += 'Essential: yes\n';
    out += `Status: ${r.state === 'installed' ? 'install ok installed' : 'deinstall ok config-files'}\n`;
    if (r.priority) out += `Priority: ${r.priority}\n`;
    if (r.section) out += `Section: ${r.section}\n`;
    out += `Installed-Size: ${r.installedSizeK}\n`;
    if (r.maintainer) out += `Maintainer: ${r.maintainer}\n`;
    out += `Architecture: ${r.arch}\n`;
    if (r.multiArch) out += `Multi-Arch: ${r.multiArch}\n`;
    out += `Version: ${r.version}\n`;
    if (r.depends.length) out += `Depends: ${r.depends.join(', ')}\n`;
    if (r.recommends.length) out += `Recommends: ${r.recommends.join(', ')}\n`;
    if (r.conffiles.length) out += `Conffiles:\n${r.conffiles.map((c) => ` ${c} ${sha256Hex(c).slice(0, 32)}\n`).join('')}`;
    out += `Description: ${r.summary}\n\n`;
  }
  return out;
}

export function renderDpkgStatus(entries: DpkgEntry[]): string {
  return renderRecords(entries.map((e) => recordOfPkg(e.pkg, e.conffiles, e.state)));
}

export function parseDpkgStatus(text: string): DpkgRecord[] {
  const out: DpkgRecord[] = [];
  for (const block of text.split(/\n\n+/)) {
    if (!block.startsWith('Package:')) continue;
    const f = new Map<string, string>();
    const conffiles: string[] = [];
    let key = '';
    for (const line of block.split('\n')) {
      if (line.startsWith(' ')) {
        if (key === 'Conffiles') conffiles.push(line.trim().split(' ')[0]!);
        continue;
      }
      const c = line.indexOf(':');
      key = line.slice(0, c);
      f.set(key, line.slice(c + 1).trim());
    }
    const list = (k: string): string[] => (f.get(k) ?? '').split(',').map((s) => s.trim().split(/[ (]/)[0]!).filter(Boolean);
    out.push({
      name: f.get('Package')!, version: f.get('Version') ?? '', arch: f.get('Architecture') ?? '',
      installedSizeK: Number(f.get('Installed-Size') ?? 0), section: f.get('Section') ?? '', priority: f.get('Priority') ?? '',
      maintainer: f.get('Maintainer') ?? '', multiArch: f.get('Multi-Arch') ?? '', essential: f.get('Essential') === 'yes',
      depends: [...list('Pre-Depends'), ...list('Depends')], recommends: list('Recommends'), summary: f.get('Description') ?? '',
      state: (f.get('Status') ?? '').endsWith('config-files') ? 'config-files' : 'installed', conffiles,
    });
  }
  return out;
}

export function renderDpkgList(paths: string[]): string {
  return `/.\n${paths.join('\n')}\n`;
}

/** The info file name of a package: NAME.list, or NAME:amd64.list for Multi-Arch: same. */
export function infoName(r: { name: string; multiArch: string; arch: string }): string {
  return r.multiArch === 'same' ? `${r.name}:${r.arch}` : r.name;
}
