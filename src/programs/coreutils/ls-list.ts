// The body of ls, after ls.c: command-line names are gathered first (directories among them are
// queued to be listed after the other names), then each queued directory is read, its entries
// stat'ed only as far as the chosen format needs (one lstat per entry for -l, none for a plain
// listing), sorted, and printed in one of the five formats. -R queues subdirectories depth
// first and refuses to enter a directory it is already inside.

import { isSysError, strerror, type SysError } from '../../abi/errno.ts';
import { O_CLOEXEC, O_DIRECTORY, O_RDONLY } from '../../abi/open-flags.ts';
import {
  major, minor, S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, S_ISGID, S_ISUID, S_ISVTX,
  type Stat,
} from '../../abi/stat.ts';
import { utf8Length } from '../../base/text.ts';
import { filevercmp } from '../lib/filevercmp.ts';
import { humanReadable } from '../lib/human.ts';
import { IdCache } from '../lib/idcache.ts';
import { modeString } from '../lib/mode.ts';
import { charWidth, displayWidth, quotearg, type QuotingOptions } from '../lib/quotearg.ts';
import { localTime, strftime, timeZone, type TimeZone } from '../lib/strftime.ts';
import type { Tool } from '../lib/tool.ts';
import type { Indicator, LsColors } from './ls-colors.ts';
import { fnmatch } from '../lib/fnmatch.ts';

export type Format = 'long' | 'one' | 'many' | 'horizontal' | 'commas';
export type SortType = 'name' | 'extension' | 'width' | 'size' | 'version' | 'time' | 'none';
export type TimeType = 'mtime' | 'ctime' | 'atime' | 'btime';

export interface LsConfig {
  format: Format;
  ignoreMode: 'default' | 'dotdot' | 'minimal';
  ignorePatterns: string[];
  hidePatterns: string[];
  immediateDirs: boolean;
  recursive: boolean;
  dirsFirst: boolean;
  sortType: SortType;
  sortReverse: boolean;
  timeType: TimeType;
  printOwner: boolean;
  printGroup: boolean;
  printAuthor: boolean;
  numericIds: boolean;
  printInode: boolean;
  printBlockSize: boolean;
  printScontext: boolean;
  humanOpts: number;
  outputBlockSize: number;
  fileHumanOpts: number;
  fileOutputBlockSize: number;
  /** 0 none, 1 slash (-p), 2 file-type, 3 classify (-F). */
  indicatorStyle: number;
  colors: LsColors | null;
  dereference: 'never' | 'cmdline' | 'cmdline-dir' | 'always';
  qmarkFunny: boolean;
  quoting: QuotingOptions;
  dirQuoting: QuotingOptions;
  alignOuterQuotes: boolean;
  tabsize: number;
  lineLength: number;
  timeFormats: [string, string];
  eol: string;
  tz: string | undefined;
}

type FileType = 'unknown' | 'fifo' | 'chardev' | 'directory' | 'blockdev' | 'normal' | 'symlink' | 'sock' | 'arg_directory';

const TYPE_LETTER: Record<FileType, string> = {
  unknown: '?', fifo: 'p', chardev: 'c', directory: 'd', blockdev: 'b', normal: '-', symlink: 'l', sock: 's', arg_directory: 'd',
};

const D_TYPE: Record<string, FileType> = {
  file: 'normal', dir: 'directory', symlink: 'symlink', chardev: 'chardev', blockdev: 'blockdev', fifo: 'fifo', socket: 'sock',
};

function typeOfMode(mode: number): FileType {
  switch (mode & S_IFMT) {
    case S_IFDIR: return 'directory';
    case S_IFLNK: return 'symlink';
    case S_IFCHR: return 'chardev';
    case S_IFBLK: return 'blockdev';
    case S_IFIFO: return 'fifo';
    case S_IFSOCK: return 'sock';
    case S_IFREG: return 'normal';
    default: return 'unknown';
  }
}

interface FileInfo {
  name: string;
  linkname: string | null;
  stat: Stat | null;
  filetype: FileType;
  /** For a symlink: the mode of what it points to (0 when unknown or dangling). */
  linkmode: number;
  linkok: boolean;
  /** Whether the name comes out differently quoted (for the alignment of quoted names). */
  quoted: boolean;
  width: number;
}

interface Pending {
  name: string | null;
  realname: string | null;
  commandLine: boolean;
  /** For the end-of-directory marker of -R: the directory leaving the active set. */
  key?: string;
}

const NS = 1_000_000_000n;

/** Output collected as text and handed to the tool's buffered stdout in large pieces. */
class Text {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly tool: Tool) {}
  put(s: string): void {
    this.parts.push(s);
    this.size += s.length;
  }
  async maybeFlush(): Promise<void> {
    if (this.size >= 32768) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.size === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await this.tool.out.write(text);
  }
}

/** Byte-order comparison of names (strcmp; strcoll in C and C.UTF-8 is the same order). */
function strcmp(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // UTF-16 order differs from UTF-8 order only between surrogates and U+E000..U+FFFF.
      if (x >= 0xd800 && y >= 0xd800) {
        const cx = a.codePointAt(i)!;
        const cy = b.codePointAt(i)!;
        return cx < cy ? -1 : cx > cy ? 1 : 0;
      }
      return x < y ? -1 : 1;
    }
  }
  return a.length - b.length;
}

function timeOf(st: Stat, t: TimeType): bigint | null {
  if (t === 'atime') return st.atimeNs;
  if (t === 'ctime') return st.ctimeNs;
  if (t === 'mtime') return st.mtimeNs;
  return null;
}

class Lister {
  private files: FileInfo[] = [];
  private someQuoted = false;
  private inodeWidth = 0;
  private blockSizeWidth = 0;
  private nlinkWidth = 0;
  private ownerWidth = 0;
  private groupWidth = 0;
  private authorWidth = 0;
  private majorWidth = 0;
  private minorWidth = 0;
  private fileSizeWidth = 0;
  private readonly pending: Pending[] = [];
  private readonly active = new Set<string>();
  private readonly out: Text;
  private readonly ids: IdCache;
  private readonly zone: TimeZone;
  private nowNs = -1n;
  private status = 0;
  private printDirName = true;
  private firstDir = true;
  private usedColor = false;
  private readonly formatNeedsStat: boolean;
  private readonly formatNeedsType: boolean;
  private readonly checkSymlinkMode: boolean;
  private readonly maxIdx: number;

  constructor(private readonly tool: Tool, private readonly c: LsConfig) {
    this.out = new Text(tool);
    this.ids = new IdCache(tool.sys);
    this.zone = timeZone(c.tz);
    this.formatNeedsStat = c.sortType === 'time' || c.sortType === 'size' || c.format === 'long' || c.printBlockSize;
    this.formatNeedsType = !this.formatNeedsStat &&
      (c.recursive || c.colors !== null || c.printScontext || c.dirsFirst || c.indicatorStyle !== 0);
    const col = c.colors;
    this.checkSymlinkMode = c.dirsFirst ||
      (col !== null && (col.isColored('or') || (col.isColored('ex') && col.symlinkAsReferent) || (col.isColored('mi') && c.format === 'long')));
    this.maxIdx = Math.floor(c.lineLength / 3) + (c.lineLength % 3 !== 0 ? 1 : 0);
  }

  private setStatus(serious: boolean): void {
    if (serious) this.status = 2;
    else if (this.status === 0) this.status = 1;
  }

  /** file_failure: "MESSAGE 'name': strerror", serious (2) for command-line names. */
  private async failure(serious: boolean, message: string, file: string, e: unknown): Promise<void> {
    if (!isSysError(e)) throw e;
    await this.out.flush();
    if (this.tool.busybox) {
      // busybox names the file bare, and any failure makes the status 1.
      await this.tool.sys.writeAll(2, `ls: ${file}: ${strerror((e as SysError).code)}\n`);
      this.setStatus(false);
      return;
    }
    await this.tool.sys.writeAll(2, `ls: ${message} ${this.quoteAf(file)}: ${strerror((e as SysError).code)}\n`);
    this.setStatus(serious);
  }

  /** quoteaf: shell-escape-always quoting, as GNU names files in messages. */
  private quoteAf(name: string): string {
    return quotearg(name, { style: 'shell-escape-always', utf8: this.c.quoting.utf8 });
  }

  private clearFiles(): void {
    this.files = [];
    this.someQuoted = false;
    this.inodeWidth = this.blockSizeWidth = this.nlinkWidth = this.ownerWidth = this.groupWidth = 0;
    this.authorWidth = this.majorWidth = this.minorWidth = this.fileSizeWidth = 0;
  }

  private isColored(ind: Indicator): boolean {
    return this.c.colors !== null && this.c.colors.isColored(ind);
  }

  async run(operands: string[]): Promise<number> {
    const c = this.c;
    this.clearFiles();
    if (operands.length === 0) {
      if (c.immediateDirs) await this.gobble('.', 'directory', true, null);
      else this.queueDirectory('.', null, true);
    } else {
      for (const name of operands) await this.gobble(name, 'unknown', true, null);
    }
    if (this.files.length) {
      this.sortFiles();
      if (!c.immediateDirs) this.extractDirs(null, true);
    }
    if (this.files.length) {
      await this.printCurrentFiles();
      if (this.pending.length) this.out.put('\n');
    } else if (operands.length <= 1 && this.pending.length === 1) this.printDirName = false;

    while (this.pending.length) {
      const p = this.pending.pop()!;
      if (p.name === null) {
        this.active.delete(p.key!);
        continue;
      }
      await this.printDir(p.name, p.realname, p.commandLine);
      this.printDirName = true;
      await this.out.maybeFlush();
    }
    this.finishColor();
    await this.out.flush();
    return this.status;
  }

  private queueDirectory(name: string | null, realname: string | null, commandLine: boolean, key?: string): void {
    this.pending.push({ name, realname, commandLine, key });
  }

  private ignored(name: string): boolean {
    const c = this.c;
    if (c.ignoreMode !== 'minimal' && name[0] === '.' && (c.ignoreMode === 'default' || name === '.' || name === '..')) return true;
    if (c.ignoreMode === 'default' && c.hidePatterns.some((p) => fnmatch(p, name, true))) return true;
    return c.ignorePatterns.some((p) => fnmatch(p, name, true));
  }

  private async printDir(name: string, realname: string | null, commandLine: boolean): Promise<void> {
    const { sys } = this.tool;
    const c = this.c;
    let fd: number;
    try {
      fd = await sys.open(name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    } catch (e) {
      await this.failure(commandLine, 'cannot open directory', name, e);
      return;
    }
    let key: string | null = null;
    if (c.recursive) {
      try {
        const st = await sys.fstat(fd);
        key = `${st.dev}:${st.ino}`;
      } catch (e) {
        await sys.close(fd);
        await this.failure(commandLine, 'cannot determine device and inode of', name, e);
        return;
      }
      if (this.active.has(key)) {
        await sys.close(fd);
        await this.out.flush();
        await sys.writeAll(2, `ls: ${this.quoteF(name)}: not listing already-listed directory\n`);
        this.setStatus(true);
        return;
      }
      this.active.add(key);
    }

    this.clearFiles();
    if (c.recursive || this.printDirName) {
      if (!this.firstDir) this.out.put('\n');
      this.firstDir = false;
      this.out.put(`${this.quoteName(realname ?? name, c.dirQuoting).text}:\n`);
    }

    let entries: { name: string; type: string }[] = [];
    let totalBlocks = 0;
    // As GNU ls, each name is looked at while the directory is still open (so `ls -l
    // /proc/self/fd` shows its own descriptor for the directory), and closed after.
    try {
      try {
        entries = await sys.getdents(fd);
      } catch (e) {
        await this.failure(commandLine, 'reading directory', name, e);
      }
      // Every Linux directory lists "." and ".." first (but one removed while open lists nothing);
      // add them if the filesystem left them out.
      if (!entries.some((e) => e.name === '.') && (await sys.fstat(fd)).nlink > 0) {
        entries = [{ name: '.', type: 'dir' }, { name: '..', type: 'dir' }, ...entries];
      }
      for (const ent of entries) {
        if (this.ignored(ent.name)) continue;
        totalBlocks += await this.gobble(ent.name, D_TYPE[ent.type] ?? 'unknown', false, name);
      }
    } finally {
      await sys.close(fd);
    }
    this.sortFiles();
    if (c.recursive) this.extractDirs(name, false, key);
    if (c.format === 'long' || c.printBlockSize) {
      this.out.put(`total ${humanReadable(totalBlocks, c.humanOpts, 512, c.outputBlockSize)}${c.eol}`);
    }
    if (this.files.length) await this.printCurrentFiles();
  }

  private quoteF(name: string): string {
    // quotef: shell-escape quoting with ':' quoted too.
    return quotearg(name, { style: 'shell-escape', quoteTheseToo: ':', utf8: this.c.quoting.utf8 });
  }

  private needsQuoting(name: string): boolean {
    return quotearg(name, this.c.quoting) !== name;
  }

  /** gobble_file: add one name to the table; the blocks it occupies. */
  private async gobble(name: string, type: FileType, commandLine: boolean, dirname: string | null): Promise<number> {
    const c = this.c;
    const { sys } = this.tool;
    const f: FileInfo = { name, linkname: null, stat: null, filetype: type, linkmode: 0, linkok: false, quoted: false, width: -1 };
    if (!this.someQuoted && c.alignOuterQuotes) {
      f.quoted = this.needsQuoting(name);
      if (f.quoted) this.someQuoted = true;
    }
    const col = c.colors;
    const checkStat = commandLine || this.formatNeedsStat || (this.formatNeedsType && type === 'unknown') ||
      ((type === 'directory' || type === 'unknown') && col !== null && (this.isColored('ow') || this.isColored('st') || this.isColored('tw'))) ||
      ((c.printInode || this.formatNeedsType) && (type === 'symlink' || type === 'unknown') &&
        (c.dereference === 'always' || (col?.symlinkAsReferent ?? false) || this.checkSymlinkMode)) ||
      c.printInode ||
      ((type === 'normal' || type === 'unknown') &&
        (c.indicatorStyle === 3 || (col !== null && (this.isColored('ex') || this.isColored('su') || this.isColored('sg')))));

    let fullName = name;
    if (checkStat && name[0] !== '/' && dirname !== null) fullName = attach(dirname, name);

    if (checkStat) {
      let st: Stat | null = null;
      let err: unknown = null;
      const tryStat = async (follow: boolean): Promise<void> => {
        try {
          st = follow ? await sys.stat(fullName) : await sys.lstat(fullName);
          err = null;
        } catch (e) {
          if (!isSysError(e)) throw e;
          st = null;
          err = e;
        }
      };
      const deref = c.dereference;
      if (deref === 'always') await tryStat(true);
      else if ((deref === 'cmdline' || deref === 'cmdline-dir') && commandLine) {
        await tryStat(true);
        if (deref === 'cmdline-dir') {
          const s = st as Stat | null;
          const needLstat = s === null ? isSysError(err, 'ENOENT') : (s.mode & S_IFMT) !== S_IFDIR;
          if (needLstat) await tryStat(false);
        }
      } else await tryStat(false);
      if (st === null) {
        await this.failure(commandLine, 'cannot access', fullName, err);
        if (commandLine) return 0;
        this.files.push(f);
        return 0;
      }
      f.stat = st;
      f.filetype = type = typeOfMode((st as Stat).mode);
    }

    if (type === 'directory' && commandLine && !c.immediateDirs) f.filetype = type = 'arg_directory';

    if (type === 'symlink' && (c.format === 'long' || this.checkSymlinkMode)) {
      try {
        f.linkname = await sys.readlink(fullName);
      } catch (e) {
        await this.failure(commandLine, 'cannot read symbolic link', fullName, e);
      }
      if (f.linkname !== null && (c.indicatorStyle >= 2 || this.checkSymlinkMode)) {
        try {
          const target = await sys.stat(fullName);
          f.linkok = true;
          f.linkmode = target.mode;
        } catch (e) {
          if (!isSysError(e)) throw e;
        }
      }
    }

    const st = f.stat;
    const blocks = st ? st.blocks : 0;
    if (c.format === 'long' || c.printBlockSize) {
      const len = humanReadable(blocks, c.humanOpts, 512, c.outputBlockSize).length;
      if (this.blockSizeWidth < len) this.blockSizeWidth = len;
    }
    if (c.format === 'long' && st) {
      if (c.printOwner) this.ownerWidth = Math.max(this.ownerWidth, await this.userWidth(st.uid));
      if (c.printGroup) this.groupWidth = Math.max(this.groupWidth, await this.groupWidthOf(st.gid));
      if (c.printAuthor) this.authorWidth = Math.max(this.authorWidth, await this.userWidth(st.uid));
    }
    if (c.format === 'long') {
      if (st) {
        this.nlinkWidth = Math.max(this.nlinkWidth, String(st.nlink).length);
        if (type === 'chardev' || type === 'blockdev') {
          this.majorWidth = Math.max(this.majorWidth, String(major(st.rdev)).length);
          this.minorWidth = Math.max(this.minorWidth, String(minor(st.rdev)).length);
          this.fileSizeWidth = Math.max(this.fileSizeWidth, this.majorWidth + 2 + this.minorWidth);
        } else {
          this.fileSizeWidth = Math.max(this.fileSizeWidth, humanReadable(st.size, c.fileHumanOpts, 1, c.fileOutputBlockSize).length);
        }
      }
    }
    if (c.printInode && st) this.inodeWidth = Math.max(this.inodeWidth, String(st.ino).length);
    this.files.push(f);
    return blocks;
  }

  private async userWidth(uid: number): Promise<number> {
    if (this.c.numericIds) return String(uid).length;
    const name = await this.ids.user(uid);
    return name === null ? String(uid).length : displayWidth(name, true);
  }

  private async groupWidthOf(gid: number): Promise<number> {
    if (this.c.numericIds) return String(gid).length;
    const name = await this.ids.group(gid);
    return name === null ? String(gid).length : displayWidth(name, true);
  }

  private isDirectory(f: FileInfo): boolean {
    return f.filetype === 'directory' || f.filetype === 'arg_directory';
  }

  /** extract_dirs_from_files: queue the directories (deepest-first order for a stack). */
  private extractDirs(dirname: string | null, commandLine: boolean, key?: string | null): void {
    const ignoreDots = dirname !== null;
    if (dirname !== null && this.c.recursive && key) this.queueDirectory(null, dirname, false, key);
    for (let i = this.files.length - 1; i >= 0; i--) {
      const f = this.files[i]!;
      if (!this.isDirectory(f)) continue;
      if (ignoreDots) {
        const base = f.name.slice(f.name.lastIndexOf('/') + 1);
        if (base === '.' || base === '..') continue;
      }
      const path = dirname === null || f.name[0] === '/' ? f.name : fileNameConcat(dirname, f.name);
      this.queueDirectory(path, f.linkname, commandLine);
    }
    this.files = this.files.filter((f) => f.filetype !== 'arg_directory');
  }

  private sortFiles(): void {
    const c = this.c;
    if (c.sortType === 'width' || (c.lineLength && (c.format === 'many' || c.format === 'horizontal'))) {
      for (const f of this.files) f.width = this.nameWidth(f);
    }
    if (c.sortType === 'none') return;
    let cmp: (a: FileInfo, b: FileInfo) => number;
    const byName = (a: FileInfo, b: FileInfo): number => strcmp(a.name, b.name);
    switch (c.sortType) {
      case 'name': cmp = byName; break;
      case 'extension':
        cmp = (a, b) => {
          const ea = a.name.lastIndexOf('.');
          const eb = b.name.lastIndexOf('.');
          return strcmp(ea < 0 ? '' : a.name.slice(ea), eb < 0 ? '' : b.name.slice(eb)) || byName(a, b);
        };
        break;
      case 'width': cmp = (a, b) => a.width - b.width || byName(a, b); break;
      case 'size':
        cmp = (a, b) => {
          const sa = a.stat?.size ?? 0;
          const sb = b.stat?.size ?? 0;
          return sb > sa ? 1 : sb < sa ? -1 : byName(a, b);
        };
        break;
      case 'version': cmp = (a, b) => filevercmp(a.name, b.name) || byName(a, b); break;
      case 'time':
        cmp = (a, b) => {
          const ta = a.stat ? timeOf(a.stat, c.timeType) : null;
          const tb = b.stat ? timeOf(b.stat, c.timeType) : null;
          const x = ta ?? -1n;
          const y = tb ?? -1n;
          return y > x ? 1 : y < x ? -1 : byName(a, b);
        };
        break;
      default: cmp = byName;
    }
    const base = cmp;
    const ordered = c.sortReverse ? (a: FileInfo, b: FileInfo) => base(b, a) : base;
    const final = c.dirsFirst
      ? (a: FileInfo, b: FileInfo) => (this.isLinkedDir(b) ? 1 : 0) - (this.isLinkedDir(a) ? 1 : 0) || ordered(a, b)
      : ordered;
    this.files.sort(final);
  }

  private isLinkedDir(f: FileInfo): boolean {
    return this.isDirectory(f) || (f.linkmode & S_IFMT) === S_IFDIR;
  }

  // ---- names ------------------------------------------------------------------------------

  /** The quoted name as printed, and whether it differs from the name (quote_name_buf). */
  private quoteName(name: string, opts: QuotingOptions): { text: string; quoted: boolean; width: number } {
    const c = this.c;
    const style = opts.style;
    let text = quotearg(name, opts);
    const quoted = text !== name;
    const further = c.qmarkFunny && (style === 'shell' || style === 'shell-always' || style === 'literal');
    let width: number;
    if (further) {
      let q = '';
      width = 0;
      for (const ch of text) {
        const code = ch.codePointAt(0)!;
        if (code >= 0x20 && code < 0x7f) {
          q += ch;
          width++;
        } else if (opts.utf8) {
          const w = charWidth(ch);
          if (w >= 0) {
            q += ch;
            width += w;
          } else {
            q += '?';
            width++;
          }
        } else {
          // Every byte of a character past ASCII is unprintable in the C locale.
          const bytes = utf8Length(ch);
          q += '?'.repeat(bytes);
          width += bytes;
        }
      }
      text = q;
    } else width = displayWidth(text, opts.utf8);
    return { text, quoted, width };
  }

  private nameWidth(f: FileInfo): number {
    const q = this.quoteName(f.name, this.c.quoting);
    return q.width + (this.c.alignOuterQuotes && this.someQuoted && !q.quoted ? 1 : 0);
  }

  // ---- colour -------------------------------------------------------------------------------

  private put(ind: string): void {
    if (!this.usedColor) {
      this.usedColor = true;
      this.prepNonFilename();
    }
    this.out.put(ind);
  }

  private indicator(ind: Indicator): string {
    return this.c.colors!.get(ind) ?? '';
  }

  private prepNonFilename(): void {
    const ec = this.c.colors!.get('ec');
    if (ec !== undefined) this.put(ec);
    else {
      this.put(this.indicator('lc'));
      this.put(this.indicator('rs'));
      this.put(this.indicator('rc'));
    }
  }

  private setNormalColor(): void {
    if (this.c.colors && this.isColored('no')) {
      this.put(this.indicator('lc'));
      this.put(this.indicator('no'));
      this.put(this.indicator('rc'));
    }
  }

  /** get_color_indicator: the sequence for a name, or null for none. */
  private colorFor(f: FileInfo, symlinkTarget: boolean): string | null {
    const colors = this.c.colors!;
    let name: string;
    let mode: number;
    let linkok: number;
    if (symlinkTarget) {
      name = f.linkname!;
      mode = f.linkmode;
      linkok = f.linkok ? 0 : -1;
    } else {
      name = f.name;
      mode = colors.symlinkAsReferent && f.linkok ? f.linkmode : f.stat?.mode ?? 0;
      linkok = f.linkok ? 1 : 0;
    }
    let type: Indicator;
    if (linkok === -1 && colors.isColored('mi')) type = 'mi';
    else if (!f.stat) {
      const byType: Record<FileType, Indicator> = {
        unknown: 'or', fifo: 'pi', chardev: 'cd', directory: 'di', blockdev: 'bd', normal: 'fi', symlink: 'ln', sock: 'so', arg_directory: 'di',
      };
      type = byType[f.filetype];
    } else {
      const t = mode & S_IFMT;
      if (t === S_IFREG) {
        type = 'fi';
        if (mode & S_ISUID && colors.isColored('su')) type = 'su';
        else if (mode & S_ISGID && colors.isColored('sg')) type = 'sg';
        else if (mode & 0o111 && colors.isColored('ex')) type = 'ex';
        else if (f.stat.nlink > 1 && colors.isColored('mh')) type = 'mh';
      } else if (t === S_IFDIR) {
        type = 'di';
        if (mode & S_ISVTX && mode & 0o002 && colors.isColored('tw')) type = 'tw';
        else if (mode & 0o002 && colors.isColored('ow')) type = 'ow';
        else if (mode & S_ISVTX && colors.isColored('st')) type = 'st';
      } else if (t === S_IFLNK) type = 'ln';
      else if (t === S_IFIFO) type = 'pi';
      else if (t === S_IFSOCK) type = 'so';
      else if (t === S_IFBLK) type = 'bd';
      else if (t === S_IFCHR) type = 'cd';
      else type = 'or';
    }
    let ext: string | undefined;
    if (type === 'fi') ext = colors.extension(name);
    if (type === 'ln' && !linkok && (colors.symlinkAsReferent || colors.isColored('or'))) type = 'or';
    if (ext !== undefined) return ext;
    const s = colors.get(type);
    return s === undefined ? null : s;
  }

  /** print_name_with_quoting: pad, colour, name, end of colour; the columns used. */
  private printName(f: FileInfo, symlinkTarget: boolean, startCol: number): number {
    const c = this.c;
    const name = symlinkTarget ? f.linkname! : f.name;
    const color = c.colors ? this.colorFor(f, symlinkTarget) : null;
    const usedThisTime = c.colors !== null && (color !== null || this.isColored('no'));
    const q = this.quoteName(name, c.quoting);
    const pad = c.alignOuterQuotes && this.someQuoted && !q.quoted && !symlinkTarget;
    if (pad) this.out.put(' ');
    if (color !== null) {
      if (this.isColored('no')) {
        this.put(this.indicator('lc'));
        this.put(this.indicator('rc'));
      }
      this.put(this.indicator('lc'));
      this.put(color);
      this.put(this.indicator('rc'));
    }
    this.out.put(q.text);
    const len = utf8Length(q.text) + (pad ? 1 : 0);
    if (usedThisTime) {
      this.prepNonFilename();
      if (c.lineLength && Math.floor(startCol / c.lineLength) !== Math.floor((startCol + len - 1) / c.lineLength)) {
        this.put(this.indicator('cl'));
      }
    }
    return q.width + (pad ? 1 : 0);
  }

  private typeIndicator(statOk: boolean, mode: number, type: FileType): string {
    const style = this.c.indicatorStyle;
    if (statOk ? (mode & S_IFMT) === S_IFREG : type === 'normal') {
      return statOk && style === 3 && mode & 0o111 ? '*' : '';
    }
    if (statOk ? (mode & S_IFMT) === S_IFDIR : type === 'directory' || type === 'arg_directory') return '/';
    if (style === 1) return '';
    if (statOk ? (mode & S_IFMT) === S_IFLNK : type === 'symlink') return '@';
    if (statOk ? (mode & S_IFMT) === S_IFIFO : type === 'fifo') return '|';
    if (statOk ? (mode & S_IFMT) === S_IFSOCK : type === 'sock') return '=';
    return '';
  }

  // ---- output formats -----------------------------------------------------------------------

  private async printCurrentFiles(): Promise<void> {
    const c = this.c;
    switch (c.format) {
      case 'one':
        for (const f of this.files) {
          this.printNameAndFrills(f, 0);
          this.out.put(c.eol);
          await this.out.maybeFlush();
        }
        break;
      case 'many':
        if (!c.lineLength) this.printWithSeparator(' ');
        else this.printManyPerLine();
        break;
      case 'horizontal':
        if (!c.lineLength) this.printWithSeparator(' ');
        else this.printHorizontal();
        break;
      case 'commas':
        this.printWithSeparator(',');
        break;
      case 'long':
        for (const f of this.files) {
          this.setNormalColor();
          await this.printLong(f);
          this.out.put(c.eol);
          await this.out.maybeFlush();
        }
        break;
    }
  }

  private blocksText(f: FileInfo): string {
    return f.stat ? humanReadable(f.stat.blocks, this.c.humanOpts, 512, this.c.outputBlockSize) : '?';
  }

  private printNameAndFrills(f: FileInfo, startCol: number): number {
    const c = this.c;
    this.setNormalColor();
    const commas = c.format === 'commas';
    if (c.printInode) {
      const ino = f.stat ? String(f.stat.ino) : '?';
      this.out.put(`${commas ? ino : ino.padStart(this.inodeWidth)} `);
    }
    if (c.printBlockSize) {
      const b = this.blocksText(f);
      this.out.put(`${commas ? b : b.padStart(this.blockSizeWidth)} `);
    }
    if (c.printScontext) this.out.put(commas ? '? ' : '? ');
    let width = this.printName(f, false, startCol);
    if (c.indicatorStyle !== 0) {
      const ind = this.typeIndicator(f.stat !== null, f.stat?.mode ?? 0, f.filetype);
      this.out.put(ind);
      width += ind.length;
    }
    return width;
  }

  private lengthOfNameAndFrills(f: FileInfo): number {
    const c = this.c;
    let len = 0;
    const commas = c.format === 'commas';
    if (c.printInode) len += 1 + (commas ? (f.stat ? String(f.stat.ino).length : 1) : this.inodeWidth);
    if (c.printBlockSize) len += 1 + (commas ? this.blocksText(f).length : this.blockSizeWidth);
    if (c.printScontext) len += 2;
    len += f.width >= 0 ? f.width : this.nameWidth(f);
    if (c.indicatorStyle !== 0 && this.typeIndicator(f.stat !== null, f.stat?.mode ?? 0, f.filetype)) len++;
    return len;
  }

  private indent(from: number, to: number): void {
    // busybox pads with spaces only.
    const tab = this.tool.busybox ? 0 : this.c.tabsize;
    let s = '';
    while (from < to) {
      if (tab !== 0 && Math.floor(to / tab) > Math.floor((from + 1) / tab)) {
        s += '\t';
        from += tab - (from % tab);
      } else {
        s += ' ';
        from++;
      }
    }
    this.out.put(s);
  }

  /** calculate_columns: the most columns whose total width fits the line. */
  private calculateColumns(byColumns: boolean): { cols: number; widths: number[] } {
    const n = this.files.length;
    if (this.tool.busybox) {
      // busybox: every column as wide as the longest name plus two, as many as fit the width.
      const width = Math.max(0, ...this.files.map((f) => this.lengthOfNameAndFrills(f))) + 2;
      const cols = Math.max(1, Math.min(n, Math.floor(this.c.lineLength / width)));
      return { cols, widths: new Array<number>(cols).fill(width) };
    }
    const maxCols = this.maxIdx > 0 && this.maxIdx < n ? this.maxIdx : n;
    const info: { valid: boolean; lineLen: number; arr: number[] }[] = [];
    for (let i = 0; i < maxCols; i++) info.push({ valid: true, lineLen: (i + 1) * 3, arr: new Array<number>(i + 1).fill(3) });
    const lengths = this.files.map((f) => this.lengthOfNameAndFrills(f));
    for (let filesno = 0; filesno < n; filesno++) {
      const nameLength = lengths[filesno]!;
      for (let i = 0; i < maxCols; i++) {
        const ci = info[i]!;
        if (!ci.valid) continue;
        const idx = byColumns ? Math.floor(filesno / Math.floor((n + i) / (i + 1))) : filesno % (i + 1);
        const realLength = nameLength + (idx === i ? 0 : 2);
        if (ci.arr[idx]! < realLength) {
          ci.lineLen += realLength - ci.arr[idx]!;
          ci.arr[idx] = realLength;
          ci.valid = ci.lineLen < this.c.lineLength;
        }
      }
    }
    let cols = maxCols;
    for (; cols > 1; cols--) if (info[cols - 1]!.valid) break;
    return { cols, widths: info[cols - 1]?.arr ?? [] };
  }

  private printManyPerLine(): void {
    const { cols, widths } = this.calculateColumns(true);
    const n = this.files.length;
    const rows = Math.floor(n / cols) + (n % cols !== 0 ? 1 : 0);
    for (let row = 0; row < rows; row++) {
      let col = 0;
      let filesno = row;
      let pos = 0;
      for (;;) {
        const f = this.files[filesno]!;
        const nameLength = this.lengthOfNameAndFrills(f);
        const maxNameLength = widths[col++]!;
        this.printNameAndFrills(f, pos);
        if (n - rows <= filesno) break;
        filesno += rows;
        this.indent(pos + nameLength, pos + maxNameLength);
        pos += maxNameLength;
      }
      this.out.put(this.c.eol);
    }
  }

  private printHorizontal(): void {
    const { cols, widths } = this.calculateColumns(false);
    let pos = 0;
    let f = this.files[0]!;
    let nameLength = this.lengthOfNameAndFrills(f);
    let maxNameLength = widths[0]!;
    this.printNameAndFrills(f, 0);
    for (let filesno = 1; filesno < this.files.length; filesno++) {
      const col = filesno % cols;
      if (col === 0) {
        this.out.put(this.c.eol);
        pos = 0;
      } else {
        this.indent(pos + nameLength, pos + maxNameLength);
        pos += maxNameLength;
      }
      f = this.files[filesno]!;
      this.printNameAndFrills(f, pos);
      nameLength = this.lengthOfNameAndFrills(f);
      maxNameLength = widths[col]!;
    }
    this.out.put(this.c.eol);
  }

  private printWithSeparator(sep: string): void {
    const lineLength = this.c.lineLength;
    let pos = 0;
    this.files.forEach((f, i) => {
      const len = lineLength ? this.lengthOfNameAndFrills(f) : 0;
      if (i !== 0) {
        let separator: string;
        if (!lineLength || pos + len + 2 < lineLength) {
          pos += 2;
          separator = ' ';
        } else {
          pos = 0;
          separator = this.c.eol;
        }
        this.out.put(sep + separator);
      }
      this.printNameAndFrills(f, pos);
      pos += len;
    });
    this.out.put(this.c.eol);
  }

  private async now(): Promise<bigint> {
    if (this.nowNs < 0n) this.nowNs = await this.tool.sys.clockGettime(0);
    return this.nowNs;
  }

  private formatTime(ns: bigint, recent: boolean): string {
    const sec = Number(ns >= 0n ? ns / NS : -((-ns + NS - 1n) / NS));
    const frac = Number(ns - BigInt(sec) * NS);
    const tm = localTime(sec, this.zone);
    return strftime(this.c.timeFormats[recent ? 1 : 0], tm, frac);
  }

  /**
   * busybox's long line: fixed widths (`%-10s %4lu %-8.8s %-8.8s %9llu `), ctime(3)'s date cut
   * to "Mmm dd hh:mm" within half a year (15 minutes ahead allowed), else "Mmm dd  yyyy".
   */
  private async printLongBusybox(f: FileInfo): Promise<void> {
    const c = this.c;
    const st = f.stat;
    let line = '';
    if (c.printInode) line += `${String(st?.ino ?? 0).padStart(7)} `;
    if (c.printBlockSize) line += `${String(Math.floor((st?.blocks ?? 0) / 2)).padStart(6)} `;
    line += `${(st ? modeString(st.mode) : '?'.repeat(10)).padEnd(10)} ${String(st?.nlink ?? 0).padStart(4)} `;
    const id = async (n: number, group: boolean): Promise<string> =>
      c.numericIds ? String(n) : ((group ? await this.ids.group(n) : await this.ids.user(n)) ?? String(n));
    if (c.numericIds) line += `${String(st?.uid ?? 0).padEnd(8)} ${String(st?.gid ?? 0).padEnd(8)} `;
    else line += `${(await id(st?.uid ?? 0, false)).slice(0, 8).padEnd(8)} ${(await id(st?.gid ?? 0, true)).slice(0, 8).padEnd(8)} `;
    if (st && ((st.mode & S_IFMT) === S_IFCHR || (st.mode & S_IFMT) === S_IFBLK)) {
      line += `${String(major(st.rdev)).padStart(4)}, ${String(minor(st.rdev)).padStart(3)} `;
    } else if (c.fileHumanOpts) line += `${busyboxHuman(st?.size ?? 0).padStart(7)} `;
    else line += `${String(st?.size ?? 0).padStart(9)} `;
    const when = st ? timeOf(st, c.timeType) : null;
    if (when !== null) {
      const sec = Number(when >= 0n ? when / NS : -((-when + NS - 1n) / NS));
      const tm = localTime(sec, this.zone);
      if (c.timeFormats[0]!.includes('%Y-%m-%d %H:%M:%S')) {
        line += `${strftime('%Y-%m-%d %H:%M:%S %z', tm, 0)} `;
      } else {
        const age = Number((await this.now()) / NS) - sec;
        line += strftime(age < (3600 * 24 * 365) / 2 && age > -15 * 60 ? '%b %e %H:%M ' : '%b %e  %Y ', tm, 0);
      }
    }
    this.out.put(line);
    this.printName(f, false, line.length);
    if (f.filetype === 'symlink' && f.linkname !== null) {
      this.out.put(' -> ');
      this.printName(f, true, line.length);
    }
    if (c.indicatorStyle !== 0 && f.filetype !== 'symlink') this.out.put(this.typeIndicator(st !== null, st?.mode ?? 0, f.filetype));
  }

  private async ownerText(id: number, width: number, statOk: boolean, group: boolean): Promise<string> {
    if (!statOk) return `?${' '.repeat(Math.max(0, width - 1))} `;
    const name = this.c.numericIds ? null : group ? await this.ids.group(id) : await this.ids.user(id);
    if (name === null) return `${String(id).padStart(width)} `;
    return `${name}${' '.repeat(Math.max(0, width - displayWidth(name, true)))} `;
  }

  private async printLong(f: FileInfo): Promise<void> {
    if (this.tool.busybox) return this.printLongBusybox(f);
    const c = this.c;
    const st = f.stat;
    let line = '';
    if (c.printInode) line += `${(st ? String(st.ino) : '?').padStart(this.inodeWidth)} `;
    if (c.printBlockSize) line += `${this.blocksText(f).padStart(this.blockSizeWidth)} `;
    const mode = st ? modeString(st.mode) : TYPE_LETTER[f.filetype] + '?'.repeat(9);
    line += `${mode} ${(st ? String(st.nlink) : '?').padStart(this.nlinkWidth)} `;
    if (c.printOwner) line += await this.ownerText(st?.uid ?? 0, this.ownerWidth, st !== null, false);
    if (c.printGroup) line += await this.ownerText(st?.gid ?? 0, this.groupWidth, st !== null, true);
    if (c.printAuthor) line += await this.ownerText(st?.uid ?? 0, this.authorWidth, st !== null, false);
    if (c.printScontext) line += '? ';
    if (st && ((st.mode & S_IFMT) === S_IFCHR || (st.mode & S_IFMT) === S_IFBLK)) {
      const blanks = this.fileSizeWidth - (this.majorWidth + 2 + this.minorWidth);
      line += `${String(major(st.rdev)).padStart(this.majorWidth + Math.max(0, blanks))}, ${String(minor(st.rdev)).padStart(this.minorWidth)} `;
    } else {
      const size = st ? humanReadable(st.size, c.fileHumanOpts, 1, c.fileOutputBlockSize) : '?';
      line += `${size.padStart(this.fileSizeWidth)} `;
    }
    const when = st ? timeOf(st, c.timeType) : null;
    if (st && when !== null) {
      let now = await this.now();
      if (now < when) {
        this.nowNs = await this.tool.sys.clockGettime(0);
        now = this.nowNs;
      }
      const sixMonthsAgo = now - 15778476n * NS;
      const recent = sixMonthsAgo < when && when < now;
      line += `${this.formatTime(when, recent)} `;
    } else {
      line += `${'?'.padStart(this.expectedTimeWidth())} `;
    }
    this.out.put(line);
    const w = this.printName(f, false, line.length);
    if (f.filetype === 'symlink') {
      if (f.linkname !== null) {
        this.out.put(' -> ');
        this.printName(f, true, line.length + w + 4);
        if (c.indicatorStyle !== 0) this.out.put(this.typeIndicator(true, f.linkmode, 'unknown'));
      }
    } else if (c.indicatorStyle !== 0) {
      this.out.put(this.typeIndicator(st !== null, st?.mode ?? 0, f.filetype));
    }
  }

  private timeWidth = -1;

  private expectedTimeWidth(): number {
    if (this.timeWidth < 0) this.timeWidth = displayWidth(strftime(this.c.timeFormats[0], localTime(0, this.zone), 0), this.c.quoting.utf8);
    return this.timeWidth;
  }

  /** At the end of a coloured listing: the default colour back if lc/rc are not the usual ones. */
  private finishColor(): void {
    const col = this.c.colors;
    if (col && this.usedColor && !(col.get('lc') === '\x1b[' && col.get('rc') === 'm')) {
      this.put(this.indicator('lc'));
      this.put(this.indicator('rc'));
    }
  }
}

/** attach(): DIR/NAME, with "." left out and no doubled slash. */
function attach(dirname: string, name: string): string {
  if (dirname === '.') return name;
  return dirname.endsWith('/') ? dirname + name : `${dirname}/${name}`;
}

/** file_name_concat as ls uses it for subdirectories: DIR/NAME with one slash. */
function fileNameConcat(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

export async function listAll(tool: Tool, config: LsConfig, operands: string[]): Promise<number> {
  return new Lister(tool, config).run(operands);
}

/** busybox's make_human_readable_str(size, 1, 0): 0, bytes, or one decimal with K/M/G... */
function busyboxHuman(size: number): string {
  if (size === 0) return '0';
  let val = size;
  let frac = 0;
  let u = -1;
  while (val >= 1024) {
    u++;
    frac = Math.floor(((val % 1024) * 10 + 512) / 1024);
    val = Math.floor(val / 1024);
  }
  if (frac >= 10) {
    val++;
    frac = 0;
  }
  return u < 0 ? String(val) : `${val}.${frac}${'KMGTPEZY'[u]}`;
}
