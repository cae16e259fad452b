// tree 2.1 (Steve Baker's): list directories as an indented tree, ending with a count of the
// directories and files shown. Options are read as tree reads them (its own parser, so its own
// error words), entries are sorted by name (or version, size, time), and each line can carry a
// [meta-data] block: permissions, owner, size, date, inode, device. Colours follow
// TREE_COLORS/LS_COLORS when the output is a terminal or -C asks for them.

import { isSysError } from '../../abi/errno.ts';
import { O_CLOEXEC, O_CREAT, O_DIRECTORY, O_RDONLY, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import { S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, S_ISGID, S_ISUID, S_ISVTX, type Stat } from '../../abi/stat.ts';
import { utf8Encode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { helpText } from '../lib/help.ts';
import { IdCache } from '../lib/idcache.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { modeString } from '../lib/mode.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import { printable } from '../lib/quotearg.ts';
import { localTime, strftime, timeZone, type TimeZone } from '../lib/strftime.ts';
import { Output, outputFailure } from '../lib/tool.ts';
import { lineDraw, parseTreeColors, strverscmp, TREE_DEFAULT_COLORS, type ColorKey, type LineDraw, type TreeColors } from './tree-data.ts';

export const meta: ProgramMeta = {
  name: 'tree', package: 'tree', version: '2.1.0',
  usage: ['[-acdfghilnpqrstuvxACDFQNSU] [-L level] [-P pattern] [-I pattern] [--] [directory ...]'],
  summary: 'List the contents of directories as a tree, with a count of directories and files at the end.',
  options: [
    { short: 'a', help: 'list every file, those starting with a dot too' },
    { short: 'd', help: 'list directories only' },
    { short: 'l', help: 'follow symbolic links to directories as if they were directories' },
    { short: 'f', help: 'print the path of each file from the starting directory' },
    { short: 'x', help: 'stay on the file system of the starting directory' },
    { short: 'L', arg: 'required', argName: 'level', help: 'go down no more than level directories' },
    { short: 'P', arg: 'required', argName: 'pattern', help: 'list only files matching the wildcard pattern (a|b for either)' },
    { short: 'I', arg: 'required', argName: 'pattern', help: 'leave out files matching the wildcard pattern' },
    { long: 'ignore-case', help: 'match patterns without regard to case' },
    { long: 'matchdirs', help: 'let -P patterns match directory names too' },
    { long: 'metafirst', help: 'put the [meta-data] before the indentation lines' },
    { long: 'prune', help: 'leave out empty directories' },
    { long: 'noreport', help: 'leave out the count at the end' },
    { long: 'charset', arg: 'required', argName: 'X', help: 'draw the lines in character set X' },
    { long: 'filelimit', arg: 'required', argName: '#', help: 'do not enter directories with more than # entries' },
    { short: 'o', arg: 'required', argName: 'filename', help: 'write the tree to filename' },
    { short: 'q', help: "print unprintable characters as '?'" },
    { short: 'N', help: 'print unprintable characters as they are' },
    { short: 'Q', help: 'put names in double quotes' },
    { short: 'p', help: 'show permissions' },
    { short: 'u', help: 'show the owner' },
    { short: 'g', help: 'show the group' },
    { short: 's', help: 'show sizes in bytes' },
    { short: 'h', help: 'show sizes like 1K 234M 2G' },
    { long: 'si', help: 'like -h, in powers of 1000' },
    { long: 'du', help: 'give directories the size of everything below them' },
    { short: 'D', help: 'show the modification time (with -c: the status change time)' },
    { long: 'timefmt', arg: 'required', argName: 'format', help: 'show times in this strftime format' },
    { short: 'F', help: "append '/', '=', '*', '|' as ls -F does" },
    { long: 'inodes', help: 'show inode numbers' },
    { long: 'device', help: 'show device numbers' },
    { short: 'v', help: 'sort by version' },
    { short: 't', help: 'sort by modification time' },
    { short: 'c', help: 'sort by status change time' },
    { short: 'U', help: 'do not sort' },
    { short: 'r', help: 'reverse the order' },
    { long: 'dirsfirst', help: 'directories before files' },
    { long: 'filesfirst', help: 'files before directories' },
    { long: 'sort', arg: 'required', argName: 'X', help: 'sort by name, version, size, mtime or ctime' },
    { short: 'i', help: 'no indentation lines' },
    { short: 'A', help: 'draw the lines with ANSI line graphics' },
    { short: 'S', help: 'draw the lines with CP437 graphics' },
    { short: 'n', help: 'never colour (-C overrides)' },
    { short: 'C', help: 'always colour' },
  ],
};

const USAGE = `usage: tree [-acdfghilnpqrstuvxACDFJQNSUX] [-L level [-R]] [-H  baseHREF]
\t[-T title] [-o filename] [-P pattern] [-I pattern] [--gitignore]
\t[--gitfile[=]file] [--matchdirs] [--metafirst] [--ignore-case]
\t[--nolinks] [--hintro[=]file] [--houtro[=]file] [--inodes] [--device]
\t[--sort[=]<name>] [--dirsfirst] [--filesfirst] [--filelimit #] [--si]
\t[--du] [--prune] [--charset[=]X] [--timefmt[=]format] [--fromfile]
\t[--fflinks] [--info] [--infofile[=]file] [--noreport] [--version]
\t[--help] [--] [directory ...]
`;

type Sort = 'name' | 'version' | 'size' | 'mtime' | 'ctime' | null;

interface Flags {
  a: boolean; d: boolean; l: boolean; f: boolean; x: boolean; q: boolean; N: boolean; Q: boolean; p: boolean;
  u: boolean; g: boolean; s: boolean; h: boolean; si: boolean; du: boolean; D: boolean; c: boolean; F: boolean;
  inodes: boolean; device: boolean; reverse: boolean; noindent: boolean; ansi: boolean; nocolor: boolean;
  forceColor: boolean; noreport: boolean; prune: boolean; ignoreCase: boolean; matchdirs: boolean; metafirst: boolean;
  level: number; patterns: string[]; ipatterns: string[]; flimit: number; charset: string | null; timefmt: string | null;
  sort: Sort; top: 'dirsfirst' | 'filesfirst' | null; outfile: string | null;
}

interface Info {
  name: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  dev: number;
  ino: number;
  ldev: number;
  lino: number;
  mtime: number;
  ctime: number;
  isdir: boolean;
  lnk: string | null;
  lnkmode: number;
  orphan: boolean;
  err: string | null;
  child: Info[] | null;
}

class Fatal {
  constructor(readonly status: number) {}
}

/** An entry from its lstat and, for a symbolic link, its target's stat (null: a dangling link). */
function newInfo(name: string, lst: Stat, st: Stat | null, isdir: boolean): Info {
  return {
    name, mode: lst.mode, uid: lst.uid, gid: lst.gid, size: lst.size, dev: st?.dev ?? 0, ino: st?.ino ?? 0,
    ldev: lst.dev, lino: lst.ino, mtime: Number(lst.mtimeNs / 1_000_000_000n), ctime: Number(lst.ctimeNs / 1_000_000_000n),
    isdir, lnk: null, lnkmode: 0, orphan: false, err: null, child: null,
  };
}

/** tree's message for a directory with more entries than --filelimit allows. */
const overLimit = (n: number): string => `${n} entries exceeds filelimit, not opening dir`;

/** patmatch: tree's wildcards (* ? [..] and a|b alternatives); 1 match, 0 no, -1 bad pattern. */
function patmatch(buf: string, pat: string, ignoreCase: boolean): number {
  const bar = pat.indexOf('|');
  if (bar >= 0) {
    if (bar === 0 || bar === pat.length - 1) return -1;
    const m = patmatch(buf, pat.slice(0, bar), ignoreCase);
    return m ? m : patmatch(buf, pat.slice(bar + 1), ignoreCase);
  }
  const low = (c: string | undefined): string | undefined => (ignoreCase && c ? c.toLowerCase() : c);
  let b = 0;
  let p = 0;
  let match = 1;
  while (p < pat.length && match) {
    const pc = pat[p]!;
    if (pc === '[') {
      p++;
      let n: number;
      if (pat[p] !== '^') {
        n = 1;
        match = 0;
      } else {
        p++;
        n = 0;
      }
      while (pat[p] !== ']') {
        if (pat[p] === '\\') p++;
        if (p >= pat.length) return -1;
        if (pat[p + 1] === '-') {
          const m = pat[p]!;
          p += 2;
          if (pat[p] === '\\' && p < pat.length) p++;
          if (low(buf[b])! >= low(m)! && low(buf[b])! <= low(pat[p] ?? '')!) match = n;
          if (p >= pat.length) p--;
        } else if (low(buf[b]) === low(pat[p])) match = n;
        p++;
      }
      b++;
    } else if (pc === '*') {
      p++;
      if (p >= pat.length) return buf.indexOf('/', b) < 0 ? 1 : 0;
      match = 0;
      const rest = pat.slice(p);
      while (b < buf.length && !(match = patmatch(buf.slice(b++), rest, ignoreCase))) if (buf[b] === '/') break;
      if (!match && (b >= buf.length || buf[b] === '/')) match = patmatch(buf.slice(b), rest, ignoreCase);
      return match;
    } else if (pc === '?') {
      if (b >= buf.length) return 0;
      b++;
    } else {
      let c = pc;
      if (pc === '\\' && p + 1 < pat.length) c = pat[++p]!;
      match = low(buf[b++]) === low(c) ? 1 : 0;
    }
    p++;
    if (match < 1) return match;
  }
  return b >= buf.length ? match : 0;
}

class Tree {
  readonly out: Output;
  private dirs: number[] = [];
  private readonly inodes = new Set<string>();
  errors = 0;
  private readonly ids: IdCache;
  private readonly zone: TimeZone;
  readonly draw: LineDraw;
  private readonly ibm: boolean;
  private readonly mb: boolean;
  private colors: TreeColors | null = null;
  private readonly nowSec: Promise<number>;

  constructor(readonly sys: Sys, readonly o: Flags, outFd: number) {
    this.out = new Output(sys, outFd);
    this.ids = new IdCache(sys);
    this.zone = timeZone(sys.getenv('TZ'));
    this.mb = localeIsUtf8((n) => sys.getenv(n));
    let charset = o.charset ?? sys.getenv('TREE_CHARSET') ?? null;
    if (charset === null && this.mb) charset = 'UTF-8';
    this.draw = lineDraw(charset);
    this.ibm = this.draw.vert.charCodeAt(0) === 0xb3;
    this.nowSec = sys.clockGettime(0).then((ns) => Number(ns / 1_000_000_000n));
  }

  async setupColors(): Promise<void> {
    const { sys, o } = this;
    if (sys.getenv('TERM') === undefined) return;
    let s = sys.getenv('TREE_COLORS') ?? sys.getenv('LS_COLORS');
    const force = o.forceColor || (sys.getenv('CLICOLOR_FORCE') !== undefined && !o.nocolor);
    if ((s === undefined || s === '') && (force || sys.getenv('CLICOLOR') !== undefined)) s = TREE_DEFAULT_COLORS;
    if (s === undefined || (!force && (o.nocolor || !(await sys.isatty(1))))) return;
    this.colors = parseTreeColors(s);
  }

  /** Text for the output: line drawing of a single-byte character set goes out byte for byte. */
  private async put(s: string, drawing = false): Promise<void> {
    if (drawing && this.ibm) {
      const b = new Uint8Array(s.length);
      for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
      await this.out.write(b);
    } else await this.out.write(s);
  }

  // ---- names and meta-data ------------------------------------------------------------------

  /** printit: a name with tree's escapes (or '?' with -q; as it is with -N). */
  private printit(s: string): string {
    const o = this.o;
    if (o.N) return o.Q ? `"${s}"` : s;
    let out = o.Q ? '"' : '';
    if (this.mb) {
      for (const ch of s) {
        if (printable(ch) && ch.codePointAt(0)! >= 0x20) out += ch;
        else out += o.q ? '?' : `\\${ch.codePointAt(0)!.toString(8).padStart(3, '0')}`;
      }
    } else {
      for (const b of utf8Encode(s)) {
        if ((b >= 7 && b <= 13) || b === 0x5c || (b === 0x22 && o.Q) || (b === 0x20 && !o.Q)) {
          out += b > 13 ? `\\${String.fromCharCode(b)}` : `\\${'abtnvfr'[b - 7]}`;
        } else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
        else out += o.q ? '?' : `\\${b.toString(8).padStart(3, '0')}`;
      }
    }
    return o.Q ? `${out}"` : out;
  }

  private psize(size: number): string {
    const o = this.o;
    if (o.h || o.si) {
      const units = o.si ? 'dkMGTPEZY' : 'BKMGTPEZY';
      const usize = o.si ? 1000 : 1024;
      let idx = size < usize ? 0 : 1;
      for (; size >= usize * usize; idx++) size = Math.floor(size / usize);
      if (!idx) return ` ${String(size).padStart(4)}`;
      const v = size / usize;
      const text = Math.floor((size + 52) / usize) >= 10 ? v.toFixed(0) : v.toFixed(1);
      return ` ${text.padStart(3)}${units[idx]}`;
    }
    return ` ${String(size).padStart(11)}`;
  }

  private async doDate(t: number): Promise<string> {
    const tm = localTime(t, this.zone);
    if (this.o.timefmt !== null) return strftime(this.o.timefmt, tm);
    const now = await this.nowSec;
    const SIX = 6 * 31 * 24 * 60 * 60;
    return t > now || t + SIX < now ? strftime('%b %e  %Y', tm) : strftime('%b %e %R', tm);
  }

  /** fillinfo: the [meta-data] block, or '' when nothing is asked for. */
  private async fillinfo(e: Info): Promise<string> {
    const o = this.o;
    let s = '';
    if (o.inodes) s += ` ${String(e.lino).padStart(7)}`;
    if (o.device) s += ` ${String(e.ldev).padStart(3)}`;
    if (o.p) s += ` ${modeString(e.mode)}`;
    if (o.u) s += ` ${((await this.ids.user(e.uid)) ?? String(e.uid)).slice(0, 32).padEnd(8)}`;
    if (o.g) s += ` ${((await this.ids.group(e.gid)) ?? String(e.gid)).slice(0, 32).padEnd(8)}`;
    if (o.s) s += this.psize(e.size);
    if (o.D) s += ` ${await this.doDate(o.c ? e.ctime : e.mtime)}`;
    return s.startsWith(' ') ? `[${s.slice(1)}]` : s;
  }

  private indentText(maxlevel: number): string {
    const d = this.draw;
    const dirs = this.dirs;
    let s = '';
    if (this.o.ansi) {
      if (dirs[1]) s += '\x1b(0';
      for (let i = 1; i <= maxlevel && dirs[i]; i++) {
        if (dirs[i + 1]) s += dirs[i] === 1 ? '\x78   ' : '    ';
        else s += dirs[i] === 1 ? '\x74\x71\x71 ' : '\x6d\x71\x71 ';
      }
      if (dirs[1]) s += '\x1b(B';
      return s;
    }
    for (let i = 1; i <= maxlevel && dirs[i]; i++) {
      s += `${dirs[i + 1] ? (dirs[i] === 1 ? d.vert : '   ') : dirs[i] === 1 ? d.vertLeft : d.corner} `;
    }
    return s;
  }

  private async printinfo(e: Info, level: number): Promise<void> {
    const info = await this.fillinfo(e);
    if (this.o.metafirst) {
      if (info.startsWith('[')) await this.put(`${info}  `);
      if (!this.o.noindent) await this.put(this.indentText(level), true);
    } else {
      if (!this.o.noindent) await this.put(this.indentText(level), true);
      if (info.startsWith('[')) await this.put(`${info}  `);
    }
  }

  /** color(): the opening sequence for a name, or null for none. */
  private colorFor(mode: number, name: string, orphan: boolean, islink: boolean): string | null {
    const c = this.colors!;
    const code = (k: ColorKey): string | null => {
      const v = c.codes.get(k);
      return v === undefined ? null : `${c.codes.get('lc')}${v}${c.codes.get('rc')}`;
    };
    // A key that applies only when its mode bits are set (and has a colour) wins over the plain one.
    const when = (bits: number, k: ColorKey): string | null => (mode & bits ? code(k) : null);
    if (orphan) {
      const s = islink ? code('mi') : code('or');
      if (s) return s;
    }
    switch (mode & S_IFMT) {
      case S_IFIFO: return code('pi');
      case 0o020000: return code('cd');
      case S_IFDIR:
        return when(S_ISVTX, mode & 0o002 ? 'tw' : 'st') || when(0o002, 'ow') || code('di');
      case 0o060000: return code('bd');
      case S_IFLNK: return code('ln');
      case S_IFSOCK: return code('so');
      case S_IFREG: {
        const s = when(S_ISUID, 'su') || when(S_ISGID, 'sg') || when(0o111, 'ex');
        if (s) return s;
        for (const e of c.exts) {
          if (name.length > e.ext.length ? name.endsWith(e.ext) : name === e.ext) return `${c.codes.get('lc')}${e.seq}${c.codes.get('rc')}`;
        }
        return code('fi');
      }
      default: return code('no');
    }
  }

  private ftype(mode: number): string {
    const m = mode & S_IFMT;
    if (!this.o.d && m === S_IFDIR) return '/';
    if (m === S_IFSOCK) return '=';
    if (m === S_IFIFO) return '|';
    if (m === S_IFLNK) return '@';
    if (m === S_IFREG && mode & 0o111) return '*';
    return '';
  }

  private async printfile(filename: string, e: Info | null): Promise<void> {
    const o = this.o;
    const ec = this.colors?.codes.get('ec') ?? '';
    let colored: string | null = null;
    if (e && this.colors) {
      colored = e.lnk && this.colors.linkTarget ? this.colorFor(e.lnkmode, e.name, e.orphan, false) : this.colorFor(e.mode, e.name, e.orphan, false);
    }
    let s = (colored ?? '') + this.printit(filename) + (colored ? ec : '');
    if (e) {
      if (o.F && !e.lnk) s += this.ftype(e.mode);
      if (e.lnk) {
        s += ' -> ';
        const tc = this.colors ? this.colorFor(e.lnkmode, e.lnk, e.orphan, true) : null;
        s += (tc ?? '') + this.printit(e.lnk) + (tc ? ec : '');
        if (o.F) s += this.ftype(e.lnkmode);
      }
    }
    await this.put(s);
  }

  // ---- reading directories ------------------------------------------------------------------

  private matchesAny(patterns: string[], name: string): boolean {
    return patterns.some((p) => patmatch(name, p, this.o.ignoreCase) === 1);
  }

  private patinclude(name: string): boolean {
    return this.matchesAny(this.o.patterns, name);
  }

  private patignore(name: string): boolean {
    return this.matchesAny(this.o.ipatterns, name);
  }

  /** getinfo: one entry, or null when a pattern or -d leaves it out. */
  private async getinfo(name: string, path: string): Promise<Info | null> {
    const { sys, o } = this;
    let lst: Stat;
    try {
      lst = await sys.lstat(path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return null;
    }
    let st: Stat | null = lst;
    let rs = 0;
    if ((lst.mode & S_IFMT) === S_IFLNK) {
      try {
        st = await sys.stat(path);
      } catch (e) {
        if (!isSysError(e)) throw e;
        st = null;
        rs = -1;
      }
    }
    const smode = st?.mode ?? 0;
    const isdir = (smode & S_IFMT) === S_IFDIR;
    if ((lst.mode & S_IFMT) !== S_IFDIR && !(o.l && isdir)) {
      if (o.patterns.length && !this.patinclude(name)) return null;
    }
    if (o.ipatterns.length && this.patignore(name)) return null;
    if (o.d && !isdir) return null;
    const e = newInfo(name, lst, st, isdir);
    if ((lst.mode & S_IFMT) === S_IFLNK) {
      try {
        e.lnk = await sys.readlink(path);
        if (rs < 0) e.orphan = true;
      } catch (err) {
        if (!isSysError(err)) throw err;
        e.lnk = '[Error reading symbolic link information]';
        e.isdir = false;
      }
      e.lnkmode = smode;
    }
    return e;
  }

  /** read_dir: the entries (null when empty), and -1 for a directory that could not be read. */
  private async readDir(dir: string): Promise<{ list: Info[] | null; n: number }> {
    const { sys, o } = this;
    let names: string[];
    try {
      const fd = await sys.open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      try {
        names = (await sys.getdents(fd)).map((d) => d.name);
      } finally {
        await sys.close(fd);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      return { list: null, n: -1 };
    }
    const es = dir.endsWith('/');
    const list: Info[] = [];
    for (const name of names) {
      if (name === '.' || name === '..') continue;
      if (!o.a && name.startsWith('.')) continue;
      const info = await this.getinfo(name, es ? dir + name : `${dir}/${name}`);
      if (info) list.push(info);
    }
    return { list: list.length ? list : null, n: list.length };
  }

  private compare(a: Info, b: Info): number {
    const o = this.o;
    const byName = (x: Info, y: Info): number => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
    // Ascending by a number, ties by name (size passes b's first: largest first).
    const by = (x: number, y: number): number => (x === y ? byName(a, b) : x < y ? -1 : 1);
    let v: number;
    switch (o.sort) {
      case 'version': v = strverscmp(utf8Encode(a.name), utf8Encode(b.name)); break;
      case 'size': v = by(b.size, a.size); break;
      case 'mtime': v = by(a.mtime, b.mtime); break;
      case 'ctime': v = by(a.ctime, b.ctime); break;
      default: v = byName(a, b);
    }
    return o.reverse ? -v : v;
  }

  private sortList(list: Info[]): void {
    const o = this.o;
    if (o.sort === null) return;
    const base = (a: Info, b: Info): number => this.compare(a, b);
    if (o.top === null) list.sort(base);
    else {
      const dirFirst = o.top === 'dirsfirst' ? -1 : 1;
      list.sort((a, b) => (a.isdir !== b.isdir ? (a.isdir ? dirFirst : -dirFirst) : base(a, b)));
    }
  }

  /** The tree below entry `e` (found at `path`) into e.child, with its --du size and any error. */
  private async readBelow(e: Info, path: string, lev: number, dev: number): Promise<void> {
    const holder = { size: e.size, err: null as string | null };
    e.child = await this.getFullTree(path, lev, dev, holder);
    e.size = holder.size;
    e.err = holder.err;
  }

  /** unix_getfulltree: read everything first (for --du, --prune, --matchdirs). */
  private async getFullTree(d: string, lev: number, dev: number, parent: { size: number; err: string | null }): Promise<Info[] | null> {
    const o = this.o;
    if (o.level >= 0 && lev > o.level) return null;
    let pats = o.patterns;
    if (o.matchdirs && pats.length && lev > 0) {
      const base = d.slice(d.lastIndexOf('/') + 1);
      if (this.patinclude(base)) o.patterns = [];
    }
    const { list, n } = await this.readDir(d);
    o.patterns = pats;
    pats = [];
    if (!list && n) {
      parent.err = 'error opening dir';
      return null;
    }
    if (n === 0 || !list) return null;
    if (o.flimit > 0 && n > o.flimit) {
      parent.err = overLimit(n);
      return null;
    }
    const kept: Info[] = [];
    for (const e of list) {
      if (e.isdir && !(o.x && dev !== e.dev)) {
        if (e.lnk) {
          if (o.l) {
            const key = `${e.dev}:${e.ino}`;
            if (this.inodes.has(key)) e.err = 'recursive, not followed';
            else {
              this.inodes.add(key);
              await this.readBelow(e, e.lnk.startsWith('/') ? e.lnk : `${d}/${e.lnk}`, lev + 1, dev);
            }
          }
        } else {
          this.inodes.add(`${e.dev}:${e.ino}`);
          await this.readBelow(e, `${d}/${e.name}`, lev + 1, dev);
        }
        if (o.prune && e.child === null && !(o.matchdirs && o.patterns.length && this.patinclude(e.name))) continue;
      }
      if (o.du) parent.size += e.size;
      kept.push(e);
    }
    this.sortList(kept);
    return kept.length ? kept : null;
  }

  /** listdir: print the entries of one directory, and below. */
  async listdir(dirname: string, dir: Info[], lev: number, dev: number, fulltree: boolean): Promise<{ dirs: number; files: number }> {
    const o = this.o;
    const tot = { dirs: 0, files: 0 };
    if (!fulltree) this.sortList(dir);
    this.dirs[lev] = dir.length > 1 ? 1 : 2;
    const es = dirname.endsWith('/');
    for (let i = 0; i < dir.length; i++) {
      const e = dir[i]!;
      await this.printinfo(e, lev);
      const path = es ? dirname + e.name : `${dirname}/${e.name}`;
      const filename = o.f ? path : e.name;
      let descend = 0;
      let err: string | null = null;
      let newpath = path;
      let subdir: Info[] | null = null;
      if (e.isdir) {
        tot.dirs++;
        let found = false;
        if (!fulltree) {
          const key = `${e.dev}:${e.ino}`;
          found = this.inodes.has(key);
          if (!found) this.inodes.add(key);
        }
        if (!(o.x && dev !== e.dev) && (!e.lnk || o.l)) {
          descend = 1;
          if (e.lnk) {
            newpath = e.lnk.startsWith('/') ? e.lnk : o.f && dirname === '/' ? dirname + e.lnk : `${dirname}/${e.lnk}`;
            if (found) {
              err = 'recursive, not followed';
              if (o.level >= 0 && lev > o.level) err = null;
              descend = -1;
            }
          }
          if (o.level >= 0 && lev > o.level) descend = 0;
          if (descend > 0) {
            if (fulltree) {
              subdir = e.child;
              err = e.err;
            } else {
              const r = await this.readDir(newpath);
              subdir = r.list;
              if (!subdir && r.n) {
                err = 'error opening dir';
                this.errors++;
              }
              if (o.flimit > 0 && r.n > o.flimit) {
                err = overLimit(r.n);
                this.errors++;
                subdir = null;
              }
            }
            if (subdir === null) descend = 0;
          }
        }
      } else tot.files++;
      await this.printfile(filename, e);
      if (err) await this.put(`  [${err}]`);
      await this.put('\n');
      if (descend > 0) {
        const sub = await this.listdir(newpath, subdir!, lev + 1, dev, fulltree);
        tot.dirs += sub.dirs;
        tot.files += sub.files;
      }
      if (i + 1 < dir.length && i + 2 === dir.length) this.dirs[lev] = 2;
    }
    this.dirs[lev] = 0;
    return tot;
  }

  /** emit_tree: each starting directory, then the report. */
  async emit(dirnames: string[]): Promise<void> {
    const { sys, o } = this;
    const needFull = o.du || o.prune || o.matchdirs;
    const tot = { dirs: 0, files: 0, size: 0 };
    for (let name of dirnames) {
      if (o.f) while (name.length > 1 && name.endsWith('/')) name = name.slice(0, -1);
      let info: Info | null = null;
      let dir: Info[] | null = null;
      let n = 0;
      let err: string | null = null;
      let st: Stat | null = null;
      try {
        st = await sys.lstat(name);
      } catch (e) {
        if (!isSysError(e)) throw e;
        n = -1;
      }
      if (st) {
        this.inodes.add(`${st.dev}:${st.ino}`);
        info = newInfo('', st, st, (st.mode & S_IFMT) === S_IFDIR);
        if (needFull) {
          await this.readBelow(info, name, 0, st.dev);
          dir = info.child;
          err = info.err;
          n = err ? -1 : 0;
        } else {
          const r = await this.readDir(name);
          dir = r.list;
          n = r.n;
        }
        await this.printinfo(info, 0);
      }
      await this.printfile(name, info);
      const sub = { dirs: 0, files: 0 };
      if (!dir && n) {
        await this.put(`  [${err ?? 'error opening dir'}]`);
        await this.put('\n');
        if (!info) this.errors++;
        else sub.files++;
      } else if (o.flimit > 0 && n > o.flimit) {
        await this.put(`  [${overLimit(n)}]\n`);
        sub.dirs++;
      } else {
        await this.put('\n');
        if (dir) {
          const r = await this.listdir(name, dir, 1, st!.dev, needFull);
          sub.dirs = r.dirs + 1;
          sub.files = r.files;
        }
      }
      tot.dirs += sub.dirs;
      tot.files += sub.files;
      if (o.du && info && st) tot.size += info.size - st.size;
    }
    if (!o.noreport) {
      let line = '\n';
      if (o.du) line += `${this.psize(tot.size)}${o.h || o.si ? '' : ' bytes'} used in `;
      const dirs = `${tot.dirs} director${tot.dirs === 1 ? 'y' : 'ies'}`;
      line += o.d ? `${dirs}\n` : `${dirs}, ${tot.files} file${tot.files === 1 ? '' : 's'}\n`;
      await this.put(line);
    }
  }
}

/** The option letters that only set flags (the others take an argument or stand alone). */
const LETTERS = new Map<string, (o: Flags) => void>([
  ['N', (o) => (o.N = true)],
  ['q', (o) => (o.q = true)],
  ['Q', (o) => (o.Q = true)],
  ['d', (o) => (o.d = true)],
  ['l', (o) => (o.l = true)],
  ['s', (o) => (o.s = true)],
  ['h', (o) => (o.s = o.h = true)],
  ['u', (o) => (o.u = true)],
  ['g', (o) => (o.g = true)],
  ['f', (o) => (o.f = true)],
  ['F', (o) => (o.F = true)],
  ['a', (o) => (o.a = true)],
  ['p', (o) => (o.p = true)],
  ['i', (o) => (o.noindent = true)],
  ['C', (o) => (o.forceColor = true)],
  ['n', (o) => (o.nocolor = true)],
  ['x', (o) => (o.x = true)],
  ['A', (o) => (o.ansi = true)],
  ['S', (o) => (o.charset = 'IBM437')],
  ['D', (o) => (o.D = true)],
  ['t', (o) => (o.sort = 'mtime')],
  ['c', (o) => {
    o.sort = 'ctime';
    o.c = true;
  }],
  ['r', (o) => (o.reverse = true)],
  ['v', (o) => (o.sort = 'version')],
  ['U', (o) => (o.sort = null)],
]);

/** tree's own reading of the command line. */
async function parse(sys: Sys): Promise<{ flags: Flags; dirs: string[]; version: boolean; help: boolean }> {
  const o: Flags = {
    a: false, d: false, l: false, f: false, x: false, q: false, N: false, Q: false, p: false, u: false, g: false,
    s: false, h: false, si: false, du: false, D: false, c: false, F: false, inodes: false, device: false, reverse: false,
    noindent: false, ansi: false, nocolor: false, forceColor: false, noreport: false, prune: false, ignoreCase: false,
    matchdirs: false, metafirst: false, level: -1, patterns: [], ipatterns: [], flimit: 0, charset: null, timefmt: null,
    sort: 'name', top: null, outfile: null,
  };
  const argv = sys.argv;
  const dirs: string[] = [];
  let optf = true;
  let version = false;
  let help = false;
  const die = async (msg: string, usage: boolean): Promise<never> => {
    await sys.writeAll(2, `${msg}${usage ? USAGE : ''}`);
    throw new Fatal(1);
  };
  for (let i = 1, n = 1; i < argv.length; i = n) {
    n++;
    const arg = argv[i]!;
    if (!(optf && arg[0] === '-' && arg.length > 1)) {
      dirs.push(arg);
      continue;
    }
    const needArg = async (what: string): Promise<string> => {
      if (n >= argv.length) await die(`tree: Missing argument to ${what} option.\n`, false);
      return argv[n++]!;
    };
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j]!;
      const letter = LETTERS.get(c);
      if (letter) {
        letter(o);
        continue;
      }
      switch (c) {
        case 'P': o.patterns.push(await needArg('-P')); break;
        case 'I': o.ipatterns.push(await needArg('-I')); break;
        case 'o': o.outfile = await needArg('-o'); break;
        case 'L': {
          // tree 2.1 takes the level from the next argument only ("-L2" is not a level).
          const text = await needArg('-L');
          const num = parseInt(text, 10);
          o.level = (Number.isNaN(num) ? 0 : num) - 1;
          if (o.level < 0) await die('tree: Invalid level, must be greater than 0.\n', false);
          break;
        }
        case '-': {
          if (j !== 1) return die(`tree: Invalid argument -\`${c}'.\n`, true);
          j = arg.length;
          if (arg === '--') {
            optf = false;
            break;
          }
          const simple: Record<string, () => void> = {
            '--help': () => (help = true),
            '--version': () => (version = true),
            '--inodes': () => (o.inodes = true),
            '--device': () => (o.device = true),
            '--noreport': () => (o.noreport = true),
            '--dirsfirst': () => (o.top = 'dirsfirst'),
            '--filesfirst': () => (o.top = 'filesfirst'),
            '--si': () => (o.s = o.h = o.si = true),
            '--du': () => (o.s = o.du = true),
            '--prune': () => (o.prune = true),
            '--ignore-case': () => (o.ignoreCase = true),
            '--matchdirs': () => (o.matchdirs = true),
            '--metafirst': () => (o.metafirst = true),
          };
          if (simple[arg]) {
            simple[arg]!();
            break;
          }
          const withArg = async (prefix: string): Promise<string | null> => {
            if (!arg.startsWith(prefix)) return null;
            const rest = arg.slice(prefix.length);
            if (rest.startsWith('=')) {
              if (rest.length > 1) return rest.slice(1);
              return die(`tree: Missing argument to ${prefix}=\n`, false);
            }
            if (rest !== '') return null;
            if (n < argv.length) return argv[n++]!;
            return die(`tree: Missing argument to ${prefix}\n`, false);
          };
          const valued: Array<[string, (v: string) => Promise<void> | void]> = [
            ['--filelimit', (v) => {
              o.flimit = parseInt(v, 10) || 0;
            }],
            ['--charset', (v) => {
              o.charset = v;
            }],
            ['--timefmt', (v) => {
              o.timefmt = v;
              o.D = true;
            }],
            ['--sort', async (v) => {
              const names: Sort[] = ['name', 'version', 'size', 'mtime', 'ctime'];
              const found = names.find((s) => s!.toLowerCase() === v.toLowerCase());
              if (found === undefined) {
                await sys.writeAll(2, `tree: Sort type '${v}' not valid, should be one of: `);
                await sys.writeAll(1, 'name,version,size,mtime,ctime\n');
                throw new Fatal(1);
              }
              o.sort = found;
            }],
          ];
          let known = false;
          for (const [prefix, apply] of valued) {
            const v = await withArg(prefix);
            if (v === null) continue;
            await apply(v);
            known = true;
            break;
          }
          if (known) break;
          return die(`tree: Invalid argument \`${arg}'.\n`, true);
        }
        default:
          return die(`tree: Invalid argument -\`${c}'.\n`, true);
      }
    }
  }
  if (o.d) o.prune = false;
  if (o.sort === null) o.top = null;
  return { flags: o, dirs, version, help };
}

/** Swallow a failed write of the output (tree's printf goes unchecked); rethrow anything else. */
function quiet(e: unknown): void {
  if (!outputFailure(e)) throw e;
}

export default async function tree(sys: Sys): Promise<number> {
  let parsed;
  try {
    parsed = await parse(sys);
  } catch (e) {
    if (e instanceof Fatal) return e.status;
    throw e;
  }
  const { flags, dirs, version, help } = parsed;
  // tree never checks its output: a failed write (a full disk, EPIPE) changes nothing it says.
  if (help) {
    await sys.writeAll(1, helpText(meta)).catch(quiet);
    return 0;
  }
  let fd = 1;
  if (flags.outfile !== null) {
    try {
      fd = await sys.open(flags.outfile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await sys.writeAll(2, `tree: invalid filename '${flags.outfile}'\n`);
      return 1;
    }
  }
  const t = new Tree(sys, flags, fd);
  await t.setupColors();
  if (version) {
    await t.out.write(`tree v2.1.0 ${t.draw.copy} 1996 - 2022 by Steve Baker, Thomas Moore, Francesc Rocher, Florian Sesser, Kyosuke Tokoro\n`).catch(quiet);
    await t.out.flush().catch(quiet);
    return 0;
  }
  try {
    await t.emit(dirs.length ? dirs : ['.']);
    await t.out.flush();
  } catch (e) {
    quiet(e);
  }
  if (fd !== 1) await sys.close(fd);
  return t.errors ? 2 : 0;
}
