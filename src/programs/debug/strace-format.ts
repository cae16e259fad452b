// How strace 6.1 prints a system call: arguments in the order and shape of Linux's prototype
// (flags by name, strings quoted and cut at -s bytes with `...`, structures abbreviated as
// `{st_mode=S_IFREG|0644, st_size=32, ...}`), the return value, and errors as
// `-1 ENOENT (No such file or directory)`. This kernel's calls take their arguments in a
// JavaScript shape (read returns the bytes, wait4 returns [pid, status]); each decoder turns
// that shape back into the C one a learner reads in man pages.
//
// A decoder lists a call's arguments as items; items a call fills in are `out` items, printed
// when it returns (strace prints `read(0, ` at entry and `"abc", 10) = 3` at exit).

import { type ErrnoName, strerror } from '../../abi/errno.ts';
import { CLONE_FLAG_NAMES, CSIGNAL } from '../../abi/clone-flags.ts';
import {
  AT_EMPTY_PATH, AT_FDCWD, AT_REMOVEDIR, AT_SYMLINK_FOLLOW, AT_SYMLINK_NOFOLLOW, O_ACCMODE, O_CREAT,
} from '../../abi/open-flags.ts';
import { TRACE_CODE, type PtraceSigInfo } from '../../abi/ptrace.ts';
import { NSIG, SIG, signalName } from '../../abi/signals.ts';
import { S_IFMT, major, minor, type Stat, type StatFs } from '../../abi/stat.ts';
import { utf8Encode } from '../../base/text.ts';

export interface FormatOptions {
  /** -s: how many bytes of a string to show. */
  strsize: number;
  /** -x: non-ASCII strings in hex; -xx: every string in hex. */
  hex: 0 | 1 | 2;
  /** -y: what a descriptor refers to, when known. */
  fdPath?: (fd: number) => string | undefined;
}

export type Outcome = { value: unknown } | { error: string };

export interface Item {
  text: string;
  /** Filled in by the call: printed at its exit. */
  out?: boolean;
}

type Decoder = (a: unknown[], o: FormatOptions, r?: Outcome) => Item[];

interface CallFormat {
  args: Decoder;
  /** The return value of a call that succeeded (default: the number it returned, 0 for none). */
  ret?: (value: unknown, a: unknown[], o: FormatOptions) => string;
}

// ---- values ---------------------------------------------------------------------------------

const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : 0);
const oct = (n: number): string => `0${(n >>> 0).toString(8).padStart(2, '0')}`;
const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;

let addrSeed = 0x3a4c10;
/** A user-space address the call was given: this kernel has none, so a stack-like one is made up. */
function stackAddr(): string {
  addrSeed = (addrSeed * 1103515245 + 12345) % 0x7fffffff;
  return `0x7ffc${(addrSeed & 0xfffffff0).toString(16).padStart(8, '0')}`;
}

function heapAddr(): string {
  addrSeed = (addrSeed * 1103515245 + 12345) % 0x7fffffff;
  return `0x55d6${(addrSeed & 0xfffffff0).toString(16).padStart(8, '0')}`;
}

/** `flags` as `A|B|0x40`, names in table order; `zero` is what 0 prints as. */
export function flagNames(flags: number, table: ReadonlyArray<readonly [number, string]>, zero = '0'): string {
  let rest = flags >>> 0;
  const parts: string[] = [];
  for (const [bit, name] of table) {
    if (bit !== 0 && (rest & bit) === bit) {
      parts.push(name);
      rest = (rest & ~bit) >>> 0;
    }
  }
  if (rest) parts.push(hex(rest));
  return parts.length ? parts.join('|') : zero;
}

function isPrint(c: number): boolean {
  return c >= 0x20 && c < 0x7f;
}

/** Bytes as strace quotes them; `max` bytes at most, then `...` after the closing quote. */
export function quoteBytes(bytes: Uint8Array, o: FormatOptions, max = o.strsize): string {
  const shown = bytes.subarray(0, max);
  const useHex = o.hex === 2 || (o.hex === 1 && shown.some((c) => c > 0x7e || (c < 0x20 && (c < 9 || c > 13))));
  let s = '"';
  for (let i = 0; i < shown.length; i++) {
    const c = shown[i]!;
    if (useHex) {
      s += `\\x${c.toString(16).padStart(2, '0')}`;
      continue;
    }
    switch (c) {
      case 0x22: s += '\\"'; break;
      case 0x5c: s += '\\\\'; break;
      case 0x0c: s += '\\f'; break;
      case 0x0a: s += '\\n'; break;
      case 0x0d: s += '\\r'; break;
      case 0x09: s += '\\t'; break;
      case 0x0b: s += '\\v'; break;
      default:
        if (isPrint(c)) s += String.fromCharCode(c);
        else {
          // Octal, three digits when a digit follows (so it cannot be misread).
          const next = shown[i + 1];
          const pad = next !== undefined && next >= 0x30 && next <= 0x37;
          s += `\\${pad ? c.toString(8).padStart(3, '0') : c.toString(8)}`;
        }
    }
  }
  return `${s}"${bytes.length > max ? '...' : ''}`;
}

/** A string argument (argv words, mount data): cut at -s. */
function str(v: unknown, o: FormatOptions): string {
  if (typeof v !== 'string') return v === undefined || v === null ? 'NULL' : stackAddr();
  return quoteBytes(utf8Encode(v), o);
}

/** A path: shown whole, as strace shows paths. */
function path(v: unknown, o: FormatOptions): string {
  if (typeof v !== 'string') return 'NULL';
  const bytes = utf8Encode(v);
  return quoteBytes(bytes, o, Math.max(bytes.length, 1));
}

function fd(v: unknown, o: FormatOptions): string {
  const n = num(v);
  const p = n >= 0 ? o.fdPath?.(n) : undefined;
  return p === undefined ? String(n) : `${n}<${p}>`;
}

function dirfd(v: unknown, o: FormatOptions): string {
  return num(v) === AT_FDCWD ? 'AT_FDCWD' : fd(v, o);
}

const SIGNAL_ORDER = Object.entries(SIG).sort((a, b) => a[1] - b[1]);

export function sigName(n: number): string {
  return n === 0 ? '0' : signalName(n);
}

/** A signal set: `[INT TERM]`. */
function sigset(sigs: unknown): string {
  const list = Array.isArray(sigs) ? [...new Set(sigs.map(num))].sort((a, b) => a - b) : [];
  const names = list.map((s) => signalName(s).replace(/^SIG/, ''));
  if (list.length > NSIG / 2) {
    const missing = SIGNAL_ORDER.filter(([, n]) => !list.includes(n)).map(([name]) => name.replace(/^SIG/, ''));
    return `~[${missing.join(' ')}]`;
  }
  return `[${names.join(' ')}]`;
}

// ---- flag tables ----------------------------------------------------------------------------

const OPEN_FLAGS: Array<[number, string]> = [
  [0o100, 'O_CREAT'], [0o200, 'O_EXCL'], [0o400, 'O_NOCTTY'], [0o1000, 'O_TRUNC'], [0o2000, 'O_APPEND'],
  [0o4000, 'O_NONBLOCK'], [0o4010000, 'O_SYNC'], [0o10000, 'O_DSYNC'], [0o40000, 'O_DIRECT'],
  [0o100000, 'O_LARGEFILE'], [0o400000, 'O_NOFOLLOW'], [0o1000000, 'O_NOATIME'], [0o2000000, 'O_CLOEXEC'],
  [0o10000000, 'O_PATH'], [0o20200000, 'O_TMPFILE'], [0o200000, 'O_DIRECTORY'], [0o20000, 'FASYNC'],
];

function openFlags(flags: number): string {
  const acc = ['O_RDONLY', 'O_WRONLY', 'O_RDWR', 'O_ACCMODE'][flags & O_ACCMODE]!;
  const rest = flags & ~O_ACCMODE;
  return rest ? `${acc}|${flagNames(rest, OPEN_FLAGS)}` : acc;
}

const AT_FLAGS: Array<[number, string]> = [
  [AT_SYMLINK_NOFOLLOW, 'AT_SYMLINK_NOFOLLOW'], [AT_REMOVEDIR, 'AT_REMOVEDIR'], [AT_SYMLINK_FOLLOW, 'AT_SYMLINK_FOLLOW'],
  [0x800, 'AT_NO_AUTOMOUNT'], [AT_EMPTY_PATH, 'AT_EMPTY_PATH'],
];

const MOUNT_FLAGS: Array<[number, string]> = [
  [1, 'MS_RDONLY'], [2, 'MS_NOSUID'], [4, 'MS_NODEV'], [8, 'MS_NOEXEC'], [16, 'MS_SYNCHRONOUS'], [32, 'MS_REMOUNT'],
  [64, 'MS_MANDLOCK'], [128, 'MS_DIRSYNC'], [256, 'MS_NOSYMFOLLOW'], [1024, 'MS_NOATIME'], [2048, 'MS_NODIRATIME'],
  [4096, 'MS_BIND'], [8192, 'MS_MOVE'], [16384, 'MS_REC'], [32768, 'MS_SILENT'], [1 << 16, 'MS_POSIXACL'],
  [1 << 17, 'MS_UNBINDABLE'], [1 << 18, 'MS_PRIVATE'], [1 << 19, 'MS_SLAVE'], [1 << 20, 'MS_SHARED'],
  [1 << 21, 'MS_RELATIME'], [1 << 22, 'MS_KERNMOUNT'], [1 << 23, 'MS_I_VERSION'], [1 << 24, 'MS_STRICTATIME'],
  [1 << 25, 'MS_LAZYTIME'],
];

/** The -o words mount(8) turns into MS_* flags rather than passing as data. */
const MOUNT_WORDS: Record<string, number> = {
  ro: 1, nosuid: 2, nodev: 4, noexec: 8, sync: 16, remount: 32, dirsync: 128, nosymfollow: 256, noatime: 1024,
  nodiratime: 2048, bind: 4096, move: 8192, relatime: 1 << 21, strictatime: 1 << 24, lazytime: 1 << 25,
};

const S_TYPES: Record<number, string> = {
  0o140000: 'S_IFSOCK', 0o120000: 'S_IFLNK', 0o100000: 'S_IFREG', 0o060000: 'S_IFBLK', 0o040000: 'S_IFDIR',
  0o020000: 'S_IFCHR', 0o010000: 'S_IFIFO',
};

/** A mode with its file type: `S_IFDIR|S_ISVTX|0777`. */
function modeType(mode: number): string {
  const parts: string[] = [];
  const type = S_TYPES[mode & S_IFMT];
  if (type) parts.push(type);
  if (mode & 0o4000) parts.push('S_ISUID');
  if (mode & 0o2000) parts.push('S_ISGID');
  if (mode & 0o1000) parts.push('S_ISVTX');
  parts.push(oct(mode & 0o777));
  return parts.join('|');
}

function makedevText(dev: number): string {
  return `makedev(${hex(major(dev))}, ${hex(minor(dev))})`;
}

function statStruct(v: unknown): string {
  const st = v as Stat;
  const type = st.mode & S_IFMT;
  const second = type === 0o020000 || type === 0o060000 ? `st_rdev=${makedevText(st.rdev)}` : `st_size=${st.size}`;
  return `{st_mode=${modeType(st.mode)}, ${second}, ...}`;
}

const FS_MAGIC: Record<number, string> = {
  0x01021994: 'TMPFS_MAGIC', 0x794c7630: 'OVERLAYFS_SUPER_MAGIC', 0xef53: 'EXT2_SUPER_MAGIC', 0x9fa0: 'PROC_SUPER_MAGIC',
  0x63677270: 'CGROUP2_SUPER_MAGIC', 0x1cd1: 'DEVPTS_SUPER_MAGIC', 0x62656572: 'SYSFS_MAGIC', 0x858458f6: 'RAMFS_MAGIC',
};

function statfsStruct(v: unknown): string {
  const s = v as StatFs;
  const type = FS_MAGIC[s.type >>> 0] ?? hex(s.type);
  return `{f_type=${type}, f_bsize=${s.bsize}, f_blocks=${s.blocks}, f_bfree=${s.bfree}, f_bavail=${s.bavail}, ` +
    `f_files=${s.files}, f_ffree=${s.ffree}, f_fsid={val=[0, 0]}, f_namelen=${s.namelen}, f_frsize=${s.bsize}, f_flags=ST_VALID|ST_RELATIME}`;
}

function timespec(ns: bigint): string {
  const sec = ns / 1_000_000_000n;
  return `{tv_sec=${sec}, tv_nsec=${ns - sec * 1_000_000_000n}}`;
}

/** strftime's %FT%T%z in UTC, as strace comments a time. */
function isoTime(ns: bigint): string {
  const ms = Number(ns / 1_000_000n);
  const d = new Date(ms);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const frac = ns % 1_000_000_000n;
  const nsPart = frac !== 0n ? `.${String(frac).padStart(9, '0')}` : '';
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}${nsPart}+0000`;
}

function utime(v: unknown): string {
  if (v === undefined || v === null) return 'UTIME_OMIT';
  const ns = BigInt(v as bigint);
  return `${timespec(ns)} /* ${isoTime(ns)} */`;
}

export function waitStatus(s: number): string {
  if ((s & 0xff) === 0x7f) {
    const sig = (s >> 8) & 0xff;
    return `[{WIFSTOPPED(s) && WSTOPSIG(s) == ${sigName(sig & 0x7f)}${sig & 0x80 ? ' | 0x80' : ''}}]`;
  }
  if (s === 0xffff) return '[{WIFCONTINUED(s)}]';
  if ((s & 0x7f) !== 0) return `[{WIFSIGNALED(s) && WTERMSIG(s) == ${sigName(s & 0x7f)}${s & 0x80 ? ' && WCOREDUMP(s)' : ''}}]`;
  return `[{WIFEXITED(s) && WEXITSTATUS(s) == ${(s >> 8) & 0xff}}]`;
}

const WAIT_OPTIONS: Array<[number, string]> = [[1, 'WNOHANG'], [2, 'WSTOPPED'], [4, 'WEXITED'], [8, 'WCONTINUED'], [0x01000000, 'WNOWAIT'], [0x20000000, '__WNOTHREAD'], [0x40000000, '__WALL'], [0x80000000, '__WCLONE']];

function sigaction(v: unknown): string {
  if (v === undefined || v === null) return 'NULL';
  if (v === 'default') return '{sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}';
  if (v === 'ignore') return '{sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}';
  return `{sa_handler=${heapAddr()}, sa_mask=[], sa_flags=SA_RESTORER, sa_restorer=${hex(0x7f3c1e23c050)}}`;
}

// ---- terminals ------------------------------------------------------------------------------

const IFLAGS: Array<[number, string]> = [
  [0o1, 'IGNBRK'], [0o2, 'BRKINT'], [0o4, 'IGNPAR'], [0o10, 'PARMRK'], [0o20, 'INPCK'], [0o40, 'ISTRIP'], [0o100, 'INLCR'],
  [0o200, 'IGNCR'], [0o400, 'ICRNL'], [0o1000, 'IUCLC'], [0o2000, 'IXON'], [0o4000, 'IXANY'], [0o10000, 'IXOFF'],
  [0o20000, 'IMAXBEL'], [0o40000, 'IUTF8'],
];
const OFLAGS: Array<[number, string]> = [
  [0o1, 'OPOST'], [0o2, 'OLCUC'], [0o4, 'ONLCR'], [0o10, 'OCRNL'], [0o20, 'ONOCR'], [0o40, 'ONLRET'], [0o100, 'OFILL'], [0o200, 'OFDEL'],
];
const OFLAG_DELAYS: Array<[number, string[]]> = [
  [0o400, ['NL0', 'NL1']], [0o3000, ['CR0', 'CR1', 'CR2', 'CR3']], [0o14000, ['TAB0', 'TAB1', 'TAB2', 'TAB3']],
  [0o20000, ['BS0', 'BS1']], [0o40000, ['VT0', 'VT1']], [0o100000, ['FF0', 'FF1']],
];
const CFLAGS: Array<[number, string]> = [
  [0o100, 'CSTOPB'], [0o200, 'CREAD'], [0o400, 'PARENB'], [0o1000, 'PARODD'], [0o2000, 'HUPCL'], [0o4000, 'CLOCAL'],
  [0o10000000000, 'CMSPAR'], [0o20000000000, 'CRTSCTS'],
];
const LFLAGS: Array<[number, string]> = [
  [0o1, 'ISIG'], [0o2, 'ICANON'], [0o4, 'XCASE'], [0o10, 'ECHO'], [0o20, 'ECHOE'], [0o40, 'ECHOK'], [0o100, 'ECHONL'],
  [0o200, 'NOFLSH'], [0o400, 'TOSTOP'], [0o1000, 'ECHOCTL'], [0o2000, 'ECHOPRT'], [0o4000, 'ECHOKE'], [0o10000, 'FLUSHO'],
  [0o40000, 'PENDIN'], [0o100000, 'IEXTEN'], [0o200000, 'EXTPROC'],
];
const BAUDS: Record<number, string> = { 0: 'B0', 0o15: 'B9600', 0o16: 'B19200', 0o17: 'B38400', 0o10001: 'B57600', 0o10002: 'B115200' };

function termios(v: unknown): string {
  const t = v as { iflag: number; oflag: number; cflag: number; lflag: number };
  let oflag = t.oflag;
  const delays = OFLAG_DELAYS.map(([mask, names]) => {
    const shift = Math.log2(mask & -mask);
    return names[(oflag & mask) >> shift] ?? hex(oflag & mask);
  });
  for (const [mask] of OFLAG_DELAYS) oflag &= ~mask;
  const o = [...delays, ...(oflag ? [flagNames(oflag, OFLAGS)] : [])].join('|');
  const baud = BAUDS[t.cflag & 0o10017] ?? hex(t.cflag & 0o10017);
  const csize = `CS${5 + ((t.cflag & 0o60) >> 4)}`;
  const cRest = t.cflag & ~(0o10017 | 0o60);
  const c = [baud, csize, ...(cRest ? [flagNames(cRest, CFLAGS)] : [])].join('|');
  return `{c_iflag=${flagNames(t.iflag, IFLAGS)}, c_oflag=${o}, c_cflag=${c}, c_lflag=${flagNames(t.lflag, LFLAGS)}, ...}`;
}

const IOCTLS: Record<number, string> = {
  0x5401: 'TCGETS', 0x5402: 'TCSETS', 0x5403: 'TCSETSW', 0x5404: 'TCSETSF', 0x5409: 'TCSBRK', 0x540a: 'TCXONC',
  0x540b: 'TCFLSH', 0x540e: 'TIOCSCTTY', 0x540f: 'TIOCGPGRP', 0x5410: 'TIOCSPGRP', 0x5411: 'TIOCOUTQ', 0x5412: 'TIOCSTI',
  0x5413: 'TIOCGWINSZ', 0x5414: 'TIOCSWINSZ', 0x541b: 'FIONREAD', 0x5422: 'TIOCNOTTY', 0x5429: 'TIOCGSID',
  0x80045430: 'TIOCGPTN', 0x40045431: 'TIOCSPTLCK', 0x40045436: 'TIOCSIG', 0x80045439: 'TIOCGPTLCK',
};

function ioctlArgs(a: unknown[], o: FormatOptions, r?: Outcome): Item[] {
  const req = num(a[1]) >>> 0;
  const name = IOCTLS[req] ?? `_IOC(${hex(req)})`;
  const items: Item[] = [{ text: fd(a[0], o) }, { text: name }];
  const ok = r && 'value' in r;
  const val = ok ? r.value : undefined;
  switch (name) {
    case 'TCGETS': items.push({ out: true, text: ok ? termios(val) : stackAddr() }); break;
    case 'TCSETS': case 'TCSETSW': case 'TCSETSF': items.push({ text: a[2] ? termios(a[2]) : 'NULL' }); break;
    case 'TIOCGWINSZ': case 'TIOCSWINSZ': {
      const w = (name === 'TIOCGWINSZ' ? val : a[2]) as { row: number; col: number; xpixel: number; ypixel: number } | undefined;
      const text = w ? `{ws_row=${w.row}, ws_col=${w.col}, ws_xpixel=${w.xpixel}, ws_ypixel=${w.ypixel}}` : stackAddr();
      items.push(name === 'TIOCGWINSZ' ? { out: true, text } : { text });
      break;
    }
    case 'TIOCGPGRP': case 'TIOCGSID': case 'TIOCGPTN': case 'FIONREAD': case 'TIOCOUTQ':
      items.push({ out: true, text: ok ? `[${num(val)}]` : stackAddr() });
      break;
    case 'TIOCSPGRP': case 'TIOCSPTLCK': items.push({ text: `[${num(a[2])}]` }); break;
    case 'TCFLSH': items.push({ text: ['TCIFLUSH', 'TCOFLUSH', 'TCIOFLUSH'][num(a[2])] ?? String(num(a[2])) }); break;
    case 'TCXONC': items.push({ text: ['TCOOFF', 'TCOON', 'TCIOFF', 'TCION'][num(a[2])] ?? String(num(a[2])) }); break;
    case 'TIOCSIG': items.push({ text: sigName(num(a[2])) }); break;
    case 'TIOCNOTTY': break;
    default: if (a[2] !== undefined) items.push({ text: typeof a[2] === 'number' ? String(a[2]) : stackAddr() });
  }
  return items;
}

// ---- the calls ------------------------------------------------------------------------------

const ok = (r?: Outcome): r is { value: unknown } => r !== undefined && 'value' in r;
const i = (text: string): Item => ({ text });
const out = (text: string): Item => ({ text, out: true });

/** An output argument: its value when the call succeeded, else the address it was given. */
const filled = (r: Outcome | undefined, show: (v: unknown) => string): Item => out(ok(r) ? show(r.value) : stackAddr());

const NONE: Decoder = () => [];

const FCNTL_CMDS: Record<number, string> = { 0: 'F_DUPFD', 1: 'F_GETFD', 2: 'F_SETFD', 3: 'F_GETFL', 4: 'F_SETFL', 1030: 'F_DUPFD_CLOEXEC' };

const SEEK = ['SEEK_SET', 'SEEK_CUR', 'SEEK_END', 'SEEK_DATA', 'SEEK_HOLE'];

const CLOCKS: Record<number, string> = { 0: 'CLOCK_REALTIME', 1: 'CLOCK_MONOTONIC', 2: 'CLOCK_PROCESS_CPUTIME_ID', 3: 'CLOCK_THREAD_CPUTIME_ID', 7: 'CLOCK_BOOTTIME' };

const SYSLOG_ACTIONS = ['SYSLOG_ACTION_CLOSE', 'SYSLOG_ACTION_OPEN', 'SYSLOG_ACTION_READ', 'SYSLOG_ACTION_READ_ALL', 'SYSLOG_ACTION_READ_CLEAR', 'SYSLOG_ACTION_CLEAR'];

const PTRACE_REQUESTS: Record<number, string> = {
  0: 'PTRACE_TRACEME', 7: 'PTRACE_CONT', 8: 'PTRACE_KILL', 17: 'PTRACE_DETACH', 24: 'PTRACE_SYSCALL', 0x4200: 'PTRACE_SETOPTIONS',
  0x4201: 'PTRACE_GETEVENTMSG', 0x4202: 'PTRACE_GETSIGINFO', 0x4206: 'PTRACE_SEIZE', 0x420e: 'PTRACE_GET_SYSCALL_INFO',
};

const PTRACE_OPTIONS: Array<[number, string]> = [
  [1, 'PTRACE_O_TRACESYSGOOD'], [2, 'PTRACE_O_TRACEFORK'], [4, 'PTRACE_O_TRACEVFORK'], [8, 'PTRACE_O_TRACECLONE'],
  [0x10, 'PTRACE_O_TRACEEXEC'], [0x20, 'PTRACE_O_TRACEVFORKDONE'], [0x40, 'PTRACE_O_TRACEEXIT'], [0x100000, 'PTRACE_O_EXITKILL'],
];

/** The length of a record getdents64 writes for a name (struct linux_dirent64, 8-aligned). */
const direntSize = (name: string): number => Math.ceil((19 + utf8Encode(name).length + 1) / 8) * 8;

/** Lengths of regions mmap handed out, so munmap can print the length it is given in C. */
const mapped = new Map<number, number>();

/** How a mount(2) call with this kernel's -o string reads in C: MS_* flags and the data left. */
function mountParts(options: string, bind: boolean): { flags: number; data: string } {
  let flags = bind ? 4096 : 0;
  const data: string[] = [];
  for (const w of options.split(',').filter((x) => x !== '')) {
    if (w in MOUNT_WORDS) flags |= MOUNT_WORDS[w]!;
    else if (w !== 'rw' && w !== 'defaults') data.push(w);
  }
  return { flags, data: data.join(',') };
}

const CALLS: Record<string, CallFormat> = {
  read: { args: (a, o, r) => [i(fd(a[0], o)), filled(r, (v) => quoteBytes(v as Uint8Array, o)), out(String(num(a[1])))], ret: (v) => String((v as Uint8Array).length) },
  write: { args: (a, o) => [i(fd(a[0], o)), i(quoteBytes(a[1] as Uint8Array, o)), i(String((a[1] as Uint8Array).length))] },
  pread64: {
    args: (a, o, r) => [i(fd(a[0], o)), filled(r, (v) => quoteBytes(v as Uint8Array, o)), out(String(num(a[1]))), out(String(num(a[2])))],
    ret: (v) => String((v as Uint8Array).length),
  },
  pwrite64: { args: (a, o) => [i(fd(a[0], o)), i(quoteBytes(a[1] as Uint8Array, o)), i(String((a[1] as Uint8Array).length)), i(String(num(a[2])))] },
  openat: {
    args: (a, o) => [i(dirfd(a[0], o)), i(path(a[1], o)), i(openFlags(num(a[2]))), ...(num(a[2]) & (O_CREAT | 0o20000000) ? [i(oct(num(a[3] ?? 0o666)))] : [])],
    ret: (v, _a, o) => fd(v, o),
  },
  close: { args: (a, o) => [i(fd(a[0], o))] },
  lseek: { args: (a, o) => [i(fd(a[0], o)), i(String(num(a[1]))), i(SEEK[num(a[2])] ?? String(num(a[2])))] },
  fstat: { args: (a, o, r) => [i(fd(a[0], o)), filled(r, statStruct)] },
  newfstatat: {
    args: (a, o, r) => [i(dirfd(a[0], o)), i(path(a[1], o)), filled(r, statStruct), out(flagNames(num(a[2] ?? 0), AT_FLAGS))],
  },
  ftruncate: { args: (a, o) => [i(fd(a[0], o)), i(String(num(a[1])))] },
  truncate: { args: (a, o) => [i(path(a[0], o)), i(String(num(a[1])))] },
  getdents64: {
    args: (a, o, r) => [i(fd(a[0], o)), filled(r, (v) => `${heapAddr()} /* ${(v as unknown[]).length} entries */`), out('32768')],
    ret: (v) => String((v as Array<{ name: string }>).reduce((n, e) => n + direntSize(e.name), 0)),
  },
  mkdirat: { args: (a, o) => [i(dirfd(a[0], o)), i(path(a[1], o)), i(oct(num(a[2] ?? 0o777)))] },
  mknodat: {
    args: (a, o) => {
      const mode = num(a[2]);
      const type = mode & S_IFMT;
      return [i(dirfd(a[0], o)), i(path(a[1], o)), i(modeType(mode)), ...(type === 0o020000 || type === 0o060000 ? [i(makedevText(num(a[3])))] : [])];
    },
  },
  symlinkat: { args: (a, o) => [i(path(a[0], o)), i(dirfd(a[1], o)), i(path(a[2], o))] },
  linkat: { args: (a, o) => [i('AT_FDCWD'), i(path(a[0], o)), i('AT_FDCWD'), i(path(a[1], o)), i(flagNames(num(a[2] ?? 0), AT_FLAGS))] },
  unlinkat: { args: (a, o) => [i(dirfd(a[0], o)), i(path(a[1], o)), i(flagNames(num(a[2] ?? 0), AT_FLAGS))] },
  renameat2: {
    args: (a, o) => [i('AT_FDCWD'), i(path(a[0], o)), i('AT_FDCWD'), i(path(a[1], o)),
      i(flagNames(num(a[2] ?? 0), [[1, 'RENAME_NOREPLACE'], [2, 'RENAME_EXCHANGE'], [4, 'RENAME_WHITEOUT']]))],
  },
  fchmodat: { args: (a, o) => [i('AT_FDCWD'), i(path(a[0], o)), i(oct(num(a[1])))] },
  fchownat: { args: (a, o) => [i('AT_FDCWD'), i(path(a[0], o)), i(String(num(a[1]))), i(String(num(a[2]))), i(flagNames(num(a[3] ?? 0), AT_FLAGS))] },
  utimensat: { args: (a, o) => [i('AT_FDCWD'), i(path(a[0], o)), i(`[${utime(a[1])}, ${utime(a[2])}]`), i(flagNames(num(a[3] ?? 0), AT_FLAGS))] },
  statfs: { args: (a, o, r) => [i(path(a[0], o)), filled(r, statfsStruct)] },
  readlinkat: {
    args: (a, o, r) => [i(dirfd(a[0], o)), i(path(a[1], o)), filled(r, (v) => quoteBytes(utf8Encode(String(v)), o)), out('4095')],
    ret: (v) => String(utf8Encode(String(v)).length),
  },
  faccessat: { args: (a, o) => [i('AT_FDCWD'), i(path(a[0], o)), i(flagNames(num(a[1]), [[4, 'R_OK'], [2, 'W_OK'], [1, 'X_OK']], 'F_OK'))] },
  setxattr: { args: (a, o) => xattrSet(a, o) },
  lsetxattr: { args: (a, o) => xattrSet(a, o) },
  getxattr: { args: (a, o, r) => xattrGet(a, o, r), ret: (v) => String((v as Uint8Array).length) },
  lgetxattr: { args: (a, o, r) => xattrGet(a, o, r), ret: (v) => String((v as Uint8Array).length) },
  listxattr: { args: (a, o, r) => xattrList(a, o, r), ret: (v) => String(listBytes(v).length) },
  llistxattr: { args: (a, o, r) => xattrList(a, o, r), ret: (v) => String(listBytes(v).length) },
  removexattr: { args: (a, o) => [i(path(a[0], o)), i(str(a[1], o))] },
  lremovexattr: { args: (a, o) => [i(path(a[0], o)), i(str(a[1], o))] },
  chdir: { args: (a, o) => [i(path(a[0], o))] },
  chroot: { args: (a, o) => [i(path(a[0], o))] },
  getcwd: { args: (_a, o, r) => [filled(r, (v) => path(v, o)), out('4096')], ret: (v) => String(utf8Encode(String(v)).length + 1) },
  umask: { args: (a) => [i(oct(num(a[0])))], ret: (v) => oct(num(v)) },
  mount: {
    args: (a, o) => {
      const { flags, data } = mountParts(typeof a[3] === 'string' ? a[3] : '', a[4] === true);
      const bindLike = (flags & (4096 | 8192 | 32)) !== 0;
      return [i(path(a[0], o)), i(path(a[1], o)), i(flags & 32 || bindLike ? (a[2] ? stackAddr() : 'NULL') : str(a[2] || null, o)),
        i(flagNames(flags, MOUNT_FLAGS)), i(bindLike && !(flags & 32) ? 'NULL' : data ? str(data, o) : 'NULL')];
    },
  },
  umount2: { args: (a, o) => [i(path(a[0], o)), i(flagNames(num(a[1] ?? 0), [[1, 'MNT_FORCE'], [2, 'MNT_DETACH'], [4, 'MNT_EXPIRE'], [8, 'UMOUNT_NOFOLLOW']]))] },
  pivot_root: { args: (a, o) => [i(path(a[0], o)), i(path(a[1], o))] },
  pipe2: {
    args: (a, o, r) => [filled(r, (v) => `[${(v as number[]).map((n) => fd(n, o)).join(', ')}]`), out(flagNames(num(a[0] ?? 0), OPEN_FLAGS))],
    ret: () => '0',
  },
  dup: { args: (a, o) => [i(fd(a[0], o))], ret: (v, _a, o) => fd(v, o) },
  dup3: { args: (a, o) => [i(fd(a[0], o)), i(fd(a[1], o)), i(flagNames(num(a[2] ?? 0), OPEN_FLAGS))], ret: (v, _a, o) => fd(v, o) },
  fcntl: {
    args: (a, o) => {
      const cmd = num(a[1]);
      const name = FCNTL_CMDS[cmd] ?? String(cmd);
      const items = [i(fd(a[0], o)), i(name)];
      if (cmd === 0 || cmd === 1030) items.push(i(String(num(a[2]))));
      else if (cmd === 2) items.push(i(num(a[2]) & 1 ? 'FD_CLOEXEC' : '0'));
      else if (cmd === 4) items.push(i(openFlags(num(a[2]))));
      return items;
    },
    ret: (v, a, o) => {
      const cmd = num(a[1]);
      if (cmd === 1) return num(v) ? `${hex(num(v))} (flags FD_CLOEXEC)` : '0';
      if (cmd === 3) return `${hex(num(v) | 0o100000)} (flags ${openFlags(num(v) | 0o100000)})`;
      if (cmd === 0 || cmd === 1030) return fd(v, o);
      return String(num(v));
    },
  },
  fsync: { args: (a, o) => [i(fd(a[0], o))] },
  clone: {
    args: (a) => {
      const flags = num(a[0]);
      const names = flagNames(flags & ~CSIGNAL, CLONE_FLAG_NAMES, '');
      const sig = sigName(flags & CSIGNAL || SIG.SIGCHLD);
      return [i('child_stack=NULL'), i(`flags=${names ? `${names}|` : ''}${sig}`)];
    },
  },
  unshare: { args: (a) => [i(flagNames(num(a[0]), [...CLONE_FLAG_NAMES, [0x80, 'CLONE_NEWTIME']]))] },
  setns: { args: (a, o) => [i(fd(a[0], o)), i(flagNames(num(a[1] ?? 0), [...CLONE_FLAG_NAMES, [0x80, 'CLONE_NEWTIME']]))] },
  execve: {
    args: (a, o) => {
      const argv = Array.isArray(a[1]) ? a[1] : [];
      const envp = Array.isArray(a[2]) ? a[2] : [];
      return [i(path(a[0], o)), i(`[${argv.map((w) => str(w, o)).join(', ')}]`), i(`${stackAddr()} /* ${envp.length} var${envp.length === 1 ? '' : 's'} */`)];
    },
  },
  exit_group: { args: (a) => [i(String(num(a[0])))] },
  wait4: {
    args: (a, _o, r) => [
      i(String(num(a[0]))),
      out(ok(r) && (r.value as number[])[0] !== 0 ? waitStatus((r.value as number[])[1]!) : stackAddr()),
      out(flagNames(num(a[1] ?? 0), WAIT_OPTIONS)), out('NULL'),
    ],
    ret: (v) => String((v as number[])[0]),
  },
  kill: { args: (a) => [i(String(num(a[0]))), i(sigName(num(a[1])))] },
  rt_sigaction: { args: (a, _o, r) => [i(sigName(num(a[0]))), i(sigaction(a[1])), filled(r, sigaction), out('8')], ret: () => '0' },
  rt_sigprocmask: {
    args: (a, _o, r) => [i(({ block: 'SIG_BLOCK', unblock: 'SIG_UNBLOCK', set: 'SIG_SETMASK' } as Record<string, string>)[String(a[0])] ?? String(a[0])),
      i(sigset(a[1])), filled(r, sigset), out('8')],
    ret: () => '0',
  },
  nanosleep: { args: (a) => [i(timespec(BigInt(Math.round(num(a[0]) * 1e6)))), i('NULL')] },
  clock_gettime: { args: (a, _o, r) => [i(CLOCKS[num(a[0] ?? 0)] ?? String(num(a[0]))), filled(r, (v) => timespec(BigInt(v as bigint)))], ret: () => '0' },
  syslog: {
    args: (a, o, r) => {
      const action = num(a[0] ?? 3);
      const name = `${action} /* ${SYSLOG_ACTIONS[action] ?? 'SYSLOG_ACTION_???'} */`;
      if (action === 5) return [i(name), i('NULL'), i('0')];
      return [i(name), filled(r, (v) => quoteBytes(utf8Encode(String(v)), o)), out('1048576')];
    },
    ret: (v, a) => (num(a[0] ?? 3) === 5 ? '0' : String(utf8Encode(String(v)).length)),
  },
  times: {
    args: (_a, _o, r) => [filled(r, (v) => {
      const t = v as Record<string, number>;
      return `{tms_utime=${t.utime}, tms_stime=${t.stime}, tms_cutime=${t.cutime}, tms_cstime=${t.cstime}}`;
    })],
    ret: () => '0',
  },
  getpgid: { args: (a) => [i(String(num(a[0] ?? 0)))] },
  setpgid: { args: (a) => [i(String(num(a[0] ?? 0))), i(String(num(a[1] ?? 0)))] },
  getsid: { args: (a) => [i(String(num(a[0] ?? 0)))] },
  getgroups: { args: (_a, _o, r) => [i('65536'), filled(r, (v) => `[${(v as number[]).join(', ')}]`)], ret: (v) => String((v as number[]).length) },
  setgroups: { args: (a) => [i(String((a[0] as number[]).length)), i((a[0] as number[]).length ? `[${(a[0] as number[]).join(', ')}]` : 'NULL')] },
  setresuid: { args: (a) => a.slice(0, 3).map((x) => i(String(num(x)))) },
  setresgid: { args: (a) => a.slice(0, 3).map((x) => i(String(num(x)))) },
  uname: { args: (_a, o, r) => [filled(r, (v) => `{sysname=${str((v as Record<string, string>).sysname, o)}, nodename=${str((v as Record<string, string>).nodename, o)}, ...}`)], ret: () => '0' },
  sethostname: { args: (a, o) => [i(str(a[0], o)), i(String(utf8Encode(String(a[0])).length))] },
  ioctl: { args: ioctlArgs, ret: (v) => (typeof v === 'number' ? String(v) : '0') },
  mmap: {
    args: (a) => [i('NULL'), i(String(num(a[0]))), i('PROT_READ|PROT_WRITE'), i('MAP_PRIVATE|MAP_ANONYMOUS'), i('-1'), i('0')],
    ret: (v, a) => {
      mapped.set(num(v), num(a[0]));
      return hex(num(v));
    },
  },
  munmap: { args: (a) => [i(hex(num(a[0]))), i(String(mapped.get(num(a[0])) ?? 0))] },
  ptrace: {
    args: (a) => {
      const req = num(a[0]);
      const name = PTRACE_REQUESTS[req] ?? hex(req);
      if (req === 0) return [i(name)];
      const items = [i(name), i(String(num(a[1])))];
      if (req === 0x4200 || req === 0x4206) items.push(i('NULL'), i(flagNames(num(a[3]), PTRACE_OPTIONS)));
      else if (req === 24 || req === 7 || req === 17) items.push(i('NULL'), i(sigName(num(a[3]))));
      else if (req === 0x420e || req === 0x4202) items.push(i('0'), out(stackAddr()));
      return items;
    },
  },
  getpid: { args: NONE },
  pause: { args: NONE },
  sched_yield: { args: NONE },
};

function xattrSet(a: unknown[], o: FormatOptions): Item[] {
  const v = a[2] instanceof Uint8Array ? a[2] : new Uint8Array();
  return [i(path(a[0], o)), i(str(a[1], o)), i(quoteBytes(v, o)), i(String(v.length)),
    i(flagNames(num(a[3] ?? 0), [[1, 'XATTR_CREATE'], [2, 'XATTR_REPLACE']]))];
}

function xattrGet(a: unknown[], o: FormatOptions, r?: Outcome): Item[] {
  return [i(path(a[0], o)), i(str(a[1], o)), filled(r, (v) => quoteBytes(v as Uint8Array, o)), out('65536')];
}

function listBytes(v: unknown): Uint8Array {
  return utf8Encode((v as string[]).map((n) => `${n}\0`).join(''));
}

function xattrList(a: unknown[], o: FormatOptions, r?: Outcome): Item[] {
  return [i(path(a[0], o)), filled(r, (v) => quoteBytes(listBytes(v), o)), out('65536')];
}

/** Anything without a decoder of its own: numbers, strings and bytes as they come. */
function generic(a: unknown[], o: FormatOptions): Item[] {
  return a.map((v) => {
    if (typeof v === 'number' || typeof v === 'bigint') return i(String(v));
    if (typeof v === 'string') return i(v === TRACE_CODE ? heapAddr() : str(v, o));
    if (v instanceof Uint8Array) return i(quoteBytes(v, o));
    if (v === undefined || v === null) return i('NULL');
    return i(stackAddr());
  });
}

// ---- lines ----------------------------------------------------------------------------------

/** The call's arguments as items (out items only make sense with the outcome). */
export function callItems(name: string, args: unknown[], o: FormatOptions, r?: Outcome): Item[] {
  const f = CALLS[name];
  return f ? f.args(args, o, r) : generic(args, o);
}

/** Whether everything the call shows is known at its entry (strace's RVAL_DECODED). */
export function decodedAtEntry(name: string, args: unknown[], o: FormatOptions): boolean {
  return !callItems(name, args, o).some((it) => it.out);
}

/** The text after `=`: the value, or `-1 EXXX (text)`. */
export function returnText(name: string, args: unknown[], r: Outcome, o: FormatOptions): string {
  if ('error' in r) return `-1 ${r.error} (${strerror(r.error as ErrnoName)})`;
  const f = CALLS[name];
  if (f?.ret) return f.ret(r.value, args, o);
  const v = r.value;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'bigint') return String(v);
  return '0';
}

/** Descriptors among a call's arguments, for -y (read before the call changes them). */
export function fdArguments(name: string, args: unknown[]): number[] {
  const first = ['read', 'write', 'pread64', 'pwrite64', 'close', 'lseek', 'fstat', 'ftruncate', 'getdents64', 'dup', 'fcntl', 'fsync', 'ioctl', 'setns'];
  if (first.includes(name)) return [num(args[0])];
  if (name === 'dup3') return [num(args[0])];
  const at = ['openat', 'newfstatat', 'mkdirat', 'mknodat', 'unlinkat', 'readlinkat'];
  if (at.includes(name) && num(args[0]) !== AT_FDCWD) return [num(args[0])];
  if (name === 'symlinkat' && num(args[1]) !== AT_FDCWD) return [num(args[1])];
  return [];
}

/** Descriptors a call returned, for -y. */
export function fdResults(name: string, args: unknown[], r: Outcome): number[] {
  if (!ok(r)) return [];
  if (name === 'openat' || name === 'dup' || name === 'dup3') return [num(r.value)];
  if (name === 'fcntl' && (num(args[1]) === 0 || num(args[1]) === 1030)) return [num(r.value)];
  if (name === 'pipe2') return (r.value as number[]).map(num);
  return [];
}

/** `{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=42, ...}` */
export function siginfoText(s: PtraceSigInfo): string {
  const parts = [`si_signo=${sigName(s.signo)}`, `si_code=${s.code}`];
  if (s.pid !== undefined) parts.push(`si_pid=${s.pid}`);
  if (s.uid !== undefined) parts.push(`si_uid=${s.uid}`);
  if (s.status !== undefined) {
    parts.push(`si_status=${s.code === 'CLD_EXITED' ? s.status : sigName(s.status)}`);
    parts.push(`si_utime=${s.utime ?? 0}`, `si_stime=${s.stime ?? 0}`);
  }
  return `{${parts.join(', ')}}`;
}
