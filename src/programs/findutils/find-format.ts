// find's output formats: -printf directives (%p %f %h %s %m %M %u %g %y %t %T<k> %P %d ...)
// with GNU's width and `-` flags and its odd corners (basenames keep one trailing slash, times
// carry ten fractional digits), and -ls lines in gnulib list_file's layout, whose columns widen
// as wider values appear and stay wide for the rest of the run.

import type { Stat } from '../../abi/stat.ts';
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFLNK, S_IFMT, major, minor } from '../../abi/stat.ts';
import { modeString } from '../lib/mode.ts';
import { localTime, strftime, type TimeZone } from '../lib/strftime.ts';
import type { CompiledFormat, Entry } from './find-expr.ts';

/** gnulib base_name: the last component, keeping one trailing slash if there were any. */
export function baseName(path: string): string {
  if (/^\/+$/.test(path)) return '/';
  const trimmed = path.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  const base = trimmed.slice(slash + 1);
  return trimmed.length < path.length ? `${base}/` : base;
}

/** The name -name matches: the last component without trailing slashes ("/" for the root). */
export function matchName(path: string): string {
  if (/^\/+$/.test(path)) return '/';
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

const FS_NAMES: Record<number, string> = {
  0x01021994: 'tmpfs', 0xef53: 'ext2/ext3', 0x794c7630: 'overlay', 0x9fa0: 'proc', 0x62656572: 'sysfs',
  0x63677270: 'cgroup2fs', 0x27e0eb: 'cgroup', 0x1cd1: 'devpts', 0x858458f6: 'ramfs', 0x6969: 'nfs',
};

export function fsTypeName(magic: number): string {
  return FS_NAMES[magic] ?? 'unknown';
}

export interface FormatHost {
  zone: TimeZone;
  user(uid: number): Promise<string | null>;
  group(gid: number): Promise<string | null>;
  readlink(e: Entry): Promise<string | null>;
  statFollowType(e: Entry): Promise<string>;
  fsType(e: Entry): Promise<string>;
}

const TYPE_LETTERS: Record<number, string> = { 0o100000: 'f', 0o040000: 'd', 0o120000: 'l', 0o020000: 'c', 0o060000: 'b', 0o010000: 'p', 0o140000: 's' };

export function typeLetterOf(mode: number): string {
  return TYPE_LETTERS[mode & S_IFMT] ?? 'U';
}

function frac(ns: bigint): string {
  return `${String(ns % 1000000000n).padStart(9, '0')}0`;
}

function timeField(kind: string, t: bigint, zone: TimeZone): string {
  const sec = Number(t / 1000000000n);
  const ns = t % 1000000000n;
  const tm = localTime(sec, zone);
  switch (kind) {
    case '@': return `${sec}.${frac(ns)}`;
    case 'S': return `${strftime('%S', tm)}.${frac(ns)}`;
    case 'T': return `${strftime('%H:%M:%S', tm)}.${frac(ns)}`;
    case '+': return `${strftime('%Y-%m-%d+%H:%M:%S', tm)}.${frac(ns)}`;
    default: return strftime(`%${kind}`, tm);
  }
}

/** ctime(3) with nanoseconds, as %t, %a and %c print: "Tue Nov 14 22:13:20.0000000000 2023". */
function ctimeNs(t: bigint, zone: TimeZone): string {
  const sec = Number(t / 1000000000n);
  const tm = localTime(sec, zone);
  return `${strftime('%a %b %e %H:%M:%S', tm)}.${frac(t % 1000000000n)} ${strftime('%Y', tm)}`;
}

export async function renderFormat(fmt: CompiledFormat, e: Entry, host: FormatHost): Promise<string> {
  let out = '';
  for (const part of fmt.parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    if (part.directive === 'STOP') break;
    let text = await directive(part.directive, part.flags, e, host);
    if (part.prec !== '') text = text.slice(0, Number(part.prec));
    if (part.width !== '') {
      const w = Number(part.width);
      if (text.length < w) text = part.flags.includes('-') ? text.padEnd(w) : text.padStart(w);
    }
    out += text;
  }
  return out;
}

async function directive(d: string, flags: string, e: Entry, host: FormatHost): Promise<string> {
  switch (d) {
    case 'p': return e.path;
    case 'f': return baseName(e.path);
    case 'h': {
      // GNU strips trailing slashes only when more than one character precedes them.
      let p = e.path;
      let end = p.length - 1;
      while (end >= 0 && p[end] === '/') end--;
      if (end > 0 && p[end + 1] === '/') p = p.slice(0, end + 1);
      const slash = p.lastIndexOf('/');
      return slash < 0 ? '.' : p.slice(0, slash);
    }
    case 'H': return e.root;
    case 'P': return e.depth === 0 ? '' : e.path.slice(e.root.length).replace(/^\//, '');
    case 'd': return String(e.depth);
    case 'l': return (await host.readlink(e)) ?? '';
    case 'y': {
      const st = await e.stat();
      return st ? typeLetterOf(st.mode) : 'U';
    }
    case 'Y': return host.statFollowType(e);
    case 'F': return host.fsType(e);
    case 'Z': return '';
  }
  const st = await e.stat();
  if (!st) return '';
  switch (d) {
    case 's': return String(st.size);
    case 'm': {
      const o = (st.mode & 0o7777).toString(8);
      return flags.includes('#') ? `0${o}` : o;
    }
    case 'M': return modeString(st.mode);
    case 'u': return (await host.user(st.uid)) ?? String(st.uid);
    case 'U': return String(st.uid);
    case 'g': return (await host.group(st.gid)) ?? String(st.gid);
    case 'G': return String(st.gid);
    case 'i': return String(st.ino);
    case 'n': return String(st.nlink);
    case 'k': return String(Math.ceil((st.blocks * 512) / 1024));
    case 'b': return String(st.blocks);
    case 'D': return String(st.dev);
    case 'S': return formatG(st.size === 0 ? 1 : (st.blocks * 512) / st.size);
    case 't': return ctimeNs(st.mtimeNs, host.zone);
    case 'a': return ctimeNs(st.atimeNs, host.zone);
    case 'c': return ctimeNs(st.ctimeNs, host.zone);
  }
  if (d[0] === 'T') return timeField(d[1]!, st.mtimeNs, host.zone);
  if (d[0] === 'A') return timeField(d[1]!, st.atimeNs, host.zone);
  if (d[0] === 'C') return timeField(d[1]!, st.ctimeNs, host.zone);
  return '';
}

function formatG(x: number): string {
  const s = x.toPrecision(6);
  return s.includes('e') ? s : s.replace(/\.?0+$/, '');
}

// ---- -ls ------------------------------------------------------------------------------------------

function quoteName(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    const esc: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\b': '\\b', '\r': '\\r', '\t': '\\t', '\f': '\\f', ' ': '\\ ', '"': '\\"' };
    if (esc[ch]) out += esc[ch];
    else if (c > 32 && c < 127) out += ch;
    else if (c >= 128) out += ch;
    else out += `\\${c.toString(8).padStart(3, '0')}`;
  }
  return out;
}

export class LsFormatter {
  private inodeWidth = 9;
  private blockWidth = 6;
  private ownerWidth = 8;
  private groupWidth = 8;
  private majorWidth = 3;
  private minorWidth = 3;
  private sizeWidth = 8;

  constructor(private readonly host: FormatHost, private readonly now: number) {}

  async line(e: Entry, st: Stat): Promise<string> {
    const grow = (s: string, w: number): [string, number] => [s.padStart(w), Math.max(w, s.length)];
    let out = '';
    let s: string;
    [s, this.inodeWidth] = grow(String(st.ino), this.inodeWidth);
    out += `${s} `;
    [s, this.blockWidth] = grow(String(Math.ceil((st.blocks * 512) / 1024)), this.blockWidth);
    out += `${s} `;
    out += `${modeString(st.mode)} ${String(st.nlink).padStart(3)}  `;
    const user = await this.host.user(st.uid);
    if (user !== null) {
      this.ownerWidth = Math.max(this.ownerWidth, user.length);
      out += `${user.padEnd(this.ownerWidth)} `;
    } else {
      const u = `${String(st.uid).padEnd(8)} `;
      this.ownerWidth = Math.max(this.ownerWidth, u.length);
      out += u;
    }
    const group = await this.host.group(st.gid);
    if (group !== null) {
      this.groupWidth = Math.max(this.groupWidth, group.length);
      out += `${group.padEnd(this.groupWidth)} `;
    } else {
      const g = String(st.gid).padEnd(this.groupWidth);
      this.groupWidth = Math.max(this.groupWidth, g.length);
      out += `${g} `;
    }
    const type = st.mode & S_IFMT;
    if (type === S_IFCHR || type === S_IFBLK) {
      [s, this.majorWidth] = grow(String(major(st.rdev)), this.majorWidth);
      out += `${s}, `;
      [s, this.minorWidth] = grow(String(minor(st.rdev)), this.minorWidth);
      out += s;
    } else {
      [s, this.sizeWidth] = grow(String(st.size), this.sizeWidth);
      out += s;
    }
    const mtime = Number(st.mtimeNs / 1000000000n);
    const recent = this.now - 6 * 30 * 24 * 60 * 60 <= mtime && mtime <= this.now + 60 * 60;
    out += ` ${strftime(recent ? '%b %e %H:%M' : '%b %e  %Y', localTime(mtime, this.host.zone))} `;
    out += quoteName(e.path);
    if (type === S_IFLNK) {
      const target = await this.host.readlink(e);
      if (target !== null) out += ` -> ${quoteName(target)}`;
    }
    return `${out}\n`;
  }
}

export { S_IFDIR };
