// apk's installed database, /lib/apk/db/installed: one record per package in apk-tools' format
// (C: checksum, P: name, V: version, A: arch, S: download size, I: installed size, T: summary,
// U: url, L: license, o: origin, m: maintainer, t: build time, D: dependencies, then F: lines
// for each directory with R: lines for the files in it), records separated by a blank line.

import type { FileEntry } from './expand.ts';
import type { Pkg } from './types.ts';
import { base64Digest, sha256Hex } from './hash.ts';

export interface ApkInstalled {
  pkg: Pkg;
  entries: FileEntry[];
  time: number;
}

export interface ApkRecord {
  name: string;
  version: string;
  arch: string;
  downloadSize: number;
  installedSize: number;
  summary: string;
  url: string;
  license: string;
  origin: string;
  depends: string[];
  /** Paths without the leading slash: directories, and files with their directory. */
  dirs: string[];
  files: string[];
}

export function renderApkInstalled(list: ApkInstalled[]): string {
  let out = '';
  for (const { pkg: p, entries, time } of list) {
    out += `C:Q1${base64Digest(`${p.name}-${p.version}`)}\nP:${p.name}\nV:${p.version}\nA:${p.arch}\nS:${p.downloadSize}\nI:${p.installedSize}\n`;
    out += `T:${p.summary}\nU:${p.url}\nL:${p.license}\no:${p.section || p.name}\nm:${p.maintainer}\nt:${time}\nc:${sha256Hex(`${p.name}-${p.version}`).slice(0, 40)}\n`;
    if (p.depends.length) out += `D:${p.depends.join(' ')}\n`;
    let current = '';
    for (const e of entries) {
      const rel = e.path.slice(1);
      if (e.type === 'dir') {
        out += `F:${rel}\n`;
        current = rel;
        if (e.mode !== 0o755 || e.owner !== 'root') out += `M:0:0:${e.mode.toString(8)}\n`;
        continue;
      }
      const slash = rel.lastIndexOf('/');
      const d = rel.slice(0, slash);
      if (d !== current) {
        out += `F:${d}\n`;
        current = d;
      }
      out += `R:${rel.slice(slash + 1)}\n`;
      if (e.mode !== 0o644) out += `a:0:0:${e.mode.toString(8)}\n`;
      out += `Z:Q1${base64Digest(`${p.name}/${rel}`)}\n`;
    }
    out += '\n';
  }
  return out;
}

export function parseApkInstalled(text: string): ApkRecord[] {
  const out: ApkRecord[] = [];
  for (const block of text.split(/\n\n+/)) {
    if (!block.includes('P:')) continue;
    const r: ApkRecord = { name: '', version: '', arch: '', downloadSize: 0, installedSize: 0, summary: '', url: '', license: '', origin: '', depends: [], dirs: [], files: [] };
    let dir = '';
    for (const line of block.split('\n')) {
      const k = line.slice(0, 1);
      const v = line.slice(2);
      switch (k) {
        case 'P': r.name = v; break;
        case 'V': r.version = v; break;
        case 'A': r.arch = v; break;
        case 'S': r.downloadSize = Number(v); break;
        case 'I': r.installedSize = Number(v); break;
        case 'T': r.summary = v; break;
        case 'U': r.url = v; break;
        case 'L': r.license = v; break;
        case 'o': r.origin = v; break;
        case 'D': r.depends = v.split(' ').filter(Boolean); break;
        case 'F': dir = v; r.dirs.push(v); break;
        case 'R': r.files.push(`${dir}/${v}`); break;
      }
    }
    out.push(r);
  }
  return out;
}
