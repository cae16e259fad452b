// stat (GNU coreutils 9.1): file or file system status, in the default layout, tersely (-t), or
// in a format of the user's (-c, or --printf with backslash escapes and no newline). Each %
// directive takes printf flags, width and precision; %X/%Y/%Z/%W take a precision for the
// fraction of a second. A file that cannot be stat'ed is reported and the status becomes 1.

import { isSysError, strerror, SysError } from '../../abi/errno.ts';
import { concatBytes } from '../../base/bytes.ts';
import { utf8Encode } from '../../base/text.ts';
import { major, minor, S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, type Stat, type StatFs } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import { fmtInt, fmtRadix, fmtString, parseSpec, type Spec } from '../lib/cformat.ts';
import { IdCache } from '../lib/idcache.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { modeString } from '../lib/mode.ts';
import { argmatch } from '../lib/human.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import { QUOTING_STYLES, quotearg, type QuotingStyle } from '../lib/quotearg.ts';
import { localTime, strftime, timeZone } from '../lib/strftime.ts';
import { runTool, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'stat', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... FILE...'],
  summary: 'Show the status of each FILE, or of the file system it is on.',
  options: [
    { short: 'L', long: 'dereference', help: 'follow symbolic links' },
    { short: 'f', long: 'file-system', help: 'show the file system instead of the file' },
    { short: 'c', long: 'format', arg: 'required', argName: 'FORMAT', help: 'print FORMAT instead of the default, with a newline after it' },
    { long: 'printf', arg: 'required', argName: 'FORMAT', help: 'like --format, with backslash escapes and no added newline' },
    { short: 't', long: 'terse', help: 'everything on one line' },
  ],
  epilog: 'File directives: %a %A %b %B %d %D %f %F %g %G %h %i %m %n %N %o %s %t %T %u %U %w %W %x %X %y %Y %z %Z\n(%Hd %Ld %Hr %Lr split device numbers into major and minor).\nFile system directives: %a %b %c %d %f %i %l %n %s %S %t %T.',
};

const FILE_DEFAULT = '  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n';
const DEV_LINE = 'Device: %Hd,%Ld\tInode: %-10i  Links: %-5h Device type: %Hr,%Lr\n';
const NODEV_LINE = 'Device: %Hd,%Ld\tInode: %-10i  Links: %h\n';
const ACCESS_LINE = 'Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n';
const TIMES = 'Access: %x\nModify: %y\nChange: %z\n Birth: %w\n';
// busybox's: the device in hex and decimal, and no birth time.
const BB_DEV_LINE = 'Device: %Dh/%dd\tInode: %-10i  Links: %h';
const BB_TIMES = 'Access: %x\nModify: %y\nChange: %z\n';
const FS_DEFAULT = '  File: "%n"\n    ID: %-8i Namelen: %-7l Type: %T\nBlock size: %-10s Fundamental block size: %S\nBlocks: Total: %-10b Free: %-10f Available: %a\nInodes: Total: %-10c Free: %d\n';

const FS_NAMES: Record<number, string> = {
  0x01021994: 'tmpfs', 0x794c7630: 'overlayfs', 0xef53: 'ext2/ext3', 0x9fa0: 'proc', 0x63677270: 'cgroup2fs',
  0x27e0eb: 'cgroupfs', 0x1cd1: 'devpts', 0x62656572: 'sysfs', 0x19800202: 'mqueue', 0x50495045: 'pipefs',
  0x534f434b: 'sockfs', 0x42494e4d: 'binfmt_misc', 0x64626720: 'debugfs', 0x73636673: 'securityfs',
  0x858458f6: 'ramfs', 0x9123683e: 'btrfs', 0x58465342: 'xfs', 0x6969: 'nfs', 0x4d44: 'msdos',
  0x2011bab0: 'exfat', 0x5346544e: 'ntfs', 0xf2f52010: 'f2fs', 0x73717368: 'squashfs', 0x9660: 'isofs',
  0x65735546: 'fuseblk', 0x65735543: 'fusectl', 0x6e736673: 'nsfs', 0x74726163: 'tracefs', 0xcafe4a11: 'bpf_fs',
};

function fileType(mode: number, size: number): string {
  switch (mode & S_IFMT) {
    case S_IFREG: return size === 0 ? 'regular empty file' : 'regular file';
    case S_IFDIR: return 'directory';
    case S_IFLNK: return 'symbolic link';
    case S_IFCHR: return 'character special file';
    case S_IFBLK: return 'block special file';
    case S_IFIFO: return 'fifo';
    case S_IFSOCK: return 'socket';
    default: return 'weird file';
  }
}

/** out_epoch_sec: seconds since the epoch, with an optional .PRECISION fraction, as %f would. */
function epochSec(prefix: string, ns: bigint): string {
  const dot = prefix.indexOf('.');
  const NS = 1_000_000_000n;
  let sec = ns >= 0n ? ns / NS : -((-ns + NS - 1n) / NS);
  let nsec = Number(ns - sec * NS);
  if (dot < 0) return fmtInt(sec, parseSpec(prefix));
  const after = prefix.slice(dot + 1);
  const precision = after === '' ? 9 : Number(after);
  let secPrefix = prefix.slice(0, dot);
  let width = 0;
  let fracLeft = false;
  const wm = /(\d+)$/.exec(secPrefix);
  if (precision && wm) {
    width = Number(wm[1]);
    if (width > 1) {
      let digitsStart = secPrefix.length - wm[1]!.length;
      if (secPrefix[digitsStart] === '0') digitsStart++;
      const flags = secPrefix.slice(0, digitsStart);
      const wd = 1 < width ? width - 1 : 0;
      if (wd > 1) {
        const w = wd - precision;
        if (w > 1) {
          fracLeft = flags.includes('-');
          secPrefix = flags.replace(/-/g, '') + (fracLeft ? '' : String(w));
        } else secPrefix = flags;
      } else secPrefix = flags;
    }
  }
  const divisor = 10 ** Math.max(0, 9 - precision);
  let frac = Math.floor(nsec / divisor);
  let minusZero = false;
  if (sec < 0n && nsec !== 0) {
    const modulus = 1_000_000_000 / divisor;
    frac = modulus - frac - (nsec % divisor !== 0 ? 1 : 0);
    if (frac !== 0) sec += 1n;
    minusZero = sec === 0n;
  }
  nsec = 0;
  if (!precision) return fmtInt(sec, parseSpec(secPrefix));
  const intText = minusZero ? fmtString('-0', parseSpec(secPrefix.replace(/0/g, ''))) : fmtInt(sec, parseSpec(secPrefix));
  const prec = Math.min(precision, 9);
  const trailingPrec = precision - prec;
  const ilen = intText.length;
  const trailingWidth = ilen < width && 1 < width - ilen ? width - ilen - 1 - prec : 0;
  const fracText = String(frac).padStart(prec, '0');
  const trailing = trailingPrec > 0 || trailingWidth > 0 ? '0'.repeat(trailingPrec).padEnd(trailingWidth) : '';
  return `${intText}.${fracText}${trailing}`;
}

class StatRun {
  readonly ids: IdCache;
  readonly zone;
  readonly utf8: boolean;
  nameStyle: QuotingStyle = 'literal';

  constructor(readonly tool: Tool) {
    this.ids = new IdCache(tool.sys);
    this.zone = timeZone(tool.sys.getenv('TZ'));
    this.utf8 = localeIsUtf8((n) => tool.sys.getenv(n));
  }

  humanTime(ns: bigint): string {
    const NS = 1_000_000_000n;
    const sec = ns >= 0n ? ns / NS : -((-ns + NS - 1n) / NS);
    return strftime('%Y-%m-%d %H:%M:%S.%N %z', localTime(Number(sec), this.zone), Number(ns - sec * NS));
  }

  quoteAf(name: string): string {
    return quotearg(name, { style: 'shell-escape-always', utf8: this.utf8 });
  }

  /** The mount point of `path`: the topmost directory above it on the same device. */
  async mountPoint(path: string, st: Stat, follow: boolean): Promise<string | null> {
    const { sys } = this.tool;
    let dir = path;
    let dev = st.dev;
    if ((st.mode & S_IFMT) !== S_IFDIR) {
      const slash = path.replace(/\/+$/, '').lastIndexOf('/');
      dir = slash < 0 ? '.' : slash === 0 ? '/' : path.slice(0, slash);
      if (!follow && (st.mode & S_IFMT) === S_IFLNK) dev = (await sys.stat(dir)).dev;
    }
    let here: string;
    try {
      here = await realpath(sys, dir);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return null;
    }
    while (here !== '/') {
      const parent = here.slice(0, here.lastIndexOf('/')) || '/';
      const pst = await sys.stat(parent);
      if (pst.dev !== dev) break;
      here = parent;
    }
    return here;
  }

  /** busybox's %N: the bare name, or `'name' -> 'target'` for a symlink. */
  private async busyboxN(spec: string, name: string, st: Stat): Promise<string> {
    if ((st.mode & S_IFMT) !== S_IFLNK) return fmtString(name, parseSpec(spec));
    try {
      return `'${name}' -> '${await this.tool.sys.readlink(name)}'`;
    } catch (e) {
      if (!isSysError(e)) throw e;
      await this.tool.error(`${name}: cannot read link: ${strerror(e.code)}`);
      return '';
    }
  }

  async fileDirective(spec: string, code: string, name: string, st: Stat): Promise<string> {
    const s = parseSpec(spec);
    const { sys } = this.tool;
    switch (code) {
      case 'n': return fmtString(name, s);
      case 'N': {
        if (this.tool.busybox) return this.busyboxN(spec, name, st);
        let text = fmtString(quotearg(name, { style: this.nameStyle, utf8: this.utf8 }), s);
        if ((st.mode & S_IFMT) === S_IFLNK) {
          let target: string;
          try {
            target = await sys.readlink(name);
          } catch (e) {
            if (!isSysError(e)) throw e;
            await this.tool.error(`cannot read symbolic link ${this.quoteAf(name)}: ${strerror(e.code)}`);
            return text;
          }
          text += ` -> ${fmtString(quotearg(target, { style: this.nameStyle, utf8: this.utf8 }), s)}`;
        }
        return text;
      }
      case 'd': return fmtInt(st.dev, noSign(s), false);
      case 'D': return fmtRadix(st.dev, 16, s);
      case 'Hd': return fmtInt(major(st.dev), noSign(s), false);
      case 'Ld': return fmtInt(minor(st.dev), noSign(s), false);
      case 'Hr': return fmtInt(major(st.rdev), noSign(s), false);
      case 'Lr': return fmtInt(minor(st.rdev), noSign(s), false);
      case 'i': return fmtInt(st.ino, noSign(s), false);
      case 'a': return fmtRadix(st.mode & 0o7777, 8, s);
      case 'A': return fmtString(modeString(st.mode), s);
      case 'f': return fmtRadix(st.mode, 16, s);
      case 'F': return fmtString(fileType(st.mode, st.size), s);
      case 'h': return fmtInt(st.nlink, noSign(s), false);
      case 'u': return fmtInt(st.uid, noSign(s), false);
      case 'U': return fmtString((await this.ids.user(st.uid)) ?? 'UNKNOWN', s);
      case 'g': return fmtInt(st.gid, noSign(s), false);
      case 'G': return fmtString((await this.ids.group(st.gid)) ?? 'UNKNOWN', s);
      case 't': return fmtRadix(major(st.rdev), 16, s);
      case 'T': return fmtRadix(minor(st.rdev), 16, s);
      case 's': return fmtInt(st.size, s);
      case 'B': return fmtInt(512, noSign(s), false);
      case 'b': return fmtInt(st.blocks, noSign(s), false);
      case 'o': return fmtInt(st.blksize, noSign(s), false);
      case 'm': {
        const mp = await this.mountPoint(name, st, this.follow);
        return fmtString(mp ?? '?', s);
      }
      // The simulated kernel keeps no birth time, as on a file system without one.
      case 'w': return fmtString('-', s);
      case 'W': return epochSec(spec, 0n);
      case 'x': return fmtString(this.humanTime(st.atimeNs), s);
      case 'X': return epochSec(spec, st.atimeNs);
      case 'y': return fmtString(this.humanTime(st.mtimeNs), s);
      case 'Y': return epochSec(spec, st.mtimeNs);
      case 'z': return fmtString(this.humanTime(st.ctimeNs), s);
      case 'Z': return epochSec(spec, st.ctimeNs);
      case 'C': return fmtString('?', s);
      default: return '?';
    }
  }

  fsDirective(spec: string, code: string, name: string, fs: StatFs): string {
    const s = parseSpec(spec);
    switch (code) {
      case 'n': return fmtString(name, s);
      case 'i': return fmtRadix(0, 16, s);
      case 'l': return fmtInt(fs.namelen, s);
      case 't': return fmtRadix(fs.type >>> 0, 16, s);
      case 'T': return fmtString(FS_NAMES[fs.type >>> 0] ?? `UNKNOWN (0x${(fs.type >>> 0).toString(16)})`, s);
      case 'b': return fmtInt(fs.blocks, s);
      case 'f': return fmtInt(fs.bfree, s);
      case 'a': return fmtInt(fs.bavail, s);
      case 's': return fmtInt(fs.bsize, noSign(s), false);
      case 'S': return fmtInt(fs.bsize, noSign(s), false);
      case 'c': return fmtInt(fs.files, noSign(s), false);
      case 'd': return fmtInt(fs.ffree, s);
      default: return '?';
    }
  }

  follow = false;

  /** print_it: expand FORMAT, calling `directive` for each %-sequence. Null on an invalid directive (already reported). */
  async expand(format: string, escapes: boolean, directive: (spec: string, code: string) => Promise<string> | string): Promise<Uint8Array | null> {
    const out = new ByteText();
    for (let i = 0; i < format.length; i++) {
      const ch = format[i]!;
      if (ch === '%') {
        const m = /^[-+ #0'I]*\d*(?:\.\d*)?/.exec(format.slice(i + 1))!;
        const spec = m[0];
        let j = i + 1 + spec.length;
        let code = format[j] ?? '';
        if (code === '' || code === '%') {
          if (spec.length > 0) {
            await this.tool.out.write(out.bytes());
            await this.tool.out.flush();
            await this.tool.error(`'%${spec}${code}': invalid directive`);
            return null;
          }
          out.text('%');
          i = code === '' ? j - 1 : j;
          continue;
        }
        if ((code === 'H' || code === 'L') && (format[j + 1] === 'd' || format[j + 1] === 'r')) {
          code += format[j + 1];
          j++;
        }
        out.text(await directive(spec, code));
        i = j;
        continue;
      }
      if (ch === '\\' && escapes) {
        i++;
        const e = format[i];
        if (e === undefined) {
          await this.tool.error('warning: backslash at end of format', 0);
          out.text('\\');
          break;
        }
        if (e >= '0' && e <= '7') {
          let v = 0;
          let k = 0;
          for (; k < 3 && format[i + k]! >= '0' && format[i + k]! <= '7'; k++) v = v * 8 + Number(format[i + k]);
          out.byte(v & 0xff);
          i += k - 1;
          continue;
        }
        if (e === 'x' && /[0-9a-fA-F]/.test(format[i + 1] ?? '')) {
          let v = parseInt(format[i + 1]!, 16);
          i++;
          if (/[0-9a-fA-F]/.test(format[i + 1] ?? '')) {
            v = v * 16 + parseInt(format[i + 1]!, 16);
            i++;
          }
          out.byte(v);
          continue;
        }
        const named: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\' };
        if (!(e in named)) await this.tool.error(`warning: unrecognized escape '\\${e}'`, 0);
        out.text(named[e] ?? e);
        continue;
      }
      out.text(ch);
    }
    return out.bytes();
  }
}

/** Unsigned conversions ignore the + and space flags (make_format's allowed flags). */
function noSign(s: Spec): Spec {
  return { ...s, flags: s.flags.replace(/[+ ]/g, '') };
}

/** canonicalize_file_name through the kernel: resolve every component. */
async function realpath(sys: Sys, path: string): Promise<string> {
  const cwd = path.startsWith('/') ? '' : await sys.getcwd();
  const parts = `${cwd}/${path}`.split('/').filter((p) => p !== '' && p !== '.');
  const out: string[] = [];
  let links = 0;
  while (parts.length) {
    const p = parts.shift()!;
    if (p === '..') {
      out.pop();
      continue;
    }
    const candidate = `/${[...out, p].join('/')}`;
    const st = await sys.lstat(candidate);
    if ((st.mode & S_IFMT) === S_IFLNK) {
      if (++links > 40) throw new SysError('ELOOP');
      const target = await sys.readlink(candidate);
      if (target.startsWith('/')) out.length = 0;
      parts.unshift(...target.split('/').filter((x) => x !== '' && x !== '.'));
      continue;
    }
    out.push(p);
  }
  return `/${out.join('/')}`;
}

/** Output built from text (UTF-8) and raw bytes (from \ooo and \xHH escapes). */
class ByteText {
  private parts: Uint8Array[] = [];
  private pending = '';
  text(s: string): void {
    this.pending += s;
  }
  byte(b: number): void {
    this.flushText();
    this.parts.push(Uint8Array.of(b));
  }
  private flushText(): void {
    if (this.pending) this.parts.push(utf8Encode(this.pending));
    this.pending = '';
  }
  bytes(): Uint8Array {
    this.flushText();
    return concatBytes(this.parts);
  }
}

export default function stat(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    const run = new StatRun(tool);
    run.follow = a.has('dereference');
    const fs = a.has('file-system');
    const terse = a.has('terse');
    const which = a.last('format', 'printf');
    const userFormat = which ? a.value(which)! : null;
    const escapes = which === 'printf';
    const trailer = which === 'format' ? '\n' : '';
    if (a.operands.length === 0) return tool.usage('stat: missing operand');

    if (userFormat !== null && userFormat.includes('%N')) {
      run.nameStyle = 'shell-escape-always';
      const q = sys.getenv('QUOTING_STYLE');
      if (q !== undefined) {
        const i = argmatch(q, QUOTING_STYLES);
        if (i >= 0) run.nameStyle = QUOTING_STYLES[i]!;
        else await tool.error(`ignoring invalid value of environment variable QUOTING_STYLE: ${quotearg(q, { style: 'locale', utf8: run.utf8 })}`, 0);
      }
    }

    let ok = true;
    for (const name of a.operands) {
      if (fs) {
        if (name === '-') {
          await tool.error(`using ${run.quoteAf(name)} to denote standard input does not work in file system mode`, 0);
          ok = false;
          continue;
        }
        let info: StatFs;
        try {
          info = await sys.statfs(name);
        } catch (e) {
          await tool.sysError(e, `cannot read file system information for ${run.quoteAf(name)}`);
          ok = false;
          continue;
        }
        const format = userFormat !== null ? userFormat : terse ? '%n %i %l %t %s %S %b %f %a %c %d\n' : FS_DEFAULT;
        const text = await run.expand(format, escapes, (spec, code) => run.fsDirective(spec, code, name, info));
        if (text === null) return 1;
        await tool.out.write(text);
        await tool.out.write(trailer);
        continue;
      }
      let st: Stat;
      try {
        st = name === '-' ? await sys.fstat(0) : run.follow ? await sys.stat(name) : await sys.lstat(name);
      } catch (e) {
        await tool.sysError(e, name === '-' ? 'cannot stat standard input' : tool.busybox ? `can't stat '${name}'` : `cannot statx ${run.quoteAf(name)}`);
        ok = false;
        continue;
      }
      const device = (st.mode & S_IFMT) === S_IFCHR || (st.mode & S_IFMT) === S_IFBLK;
      const format = userFormat !== null
        ? userFormat
        : terse
          ? (tool.busybox ? '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %o\n' : '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n')
          : tool.busybox
            ? FILE_DEFAULT + BB_DEV_LINE + (device ? ' Device type: %t,%T\n' : '\n') + ACCESS_LINE + BB_TIMES
            : FILE_DEFAULT + (device ? DEV_LINE : NODEV_LINE) + ACCESS_LINE + TIMES;
      const text = await run.expand(format, escapes, (spec, code) => run.fileDirective(spec, code, name, st));
      if (text === null) return 1;
      await tool.out.write(text);
      await tool.out.write(trailer);
    }
    return ok && tool.status === 0 ? 0 : 1;
  });
}
