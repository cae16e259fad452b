// tail (GNU coreutils): the last 10 lines (-n N) or N bytes (-c N) of each file, or everything
// from item N on (+N). -f keeps the files open and prints what is appended, polling each one with
// fstat every -s seconds (as GNU tail does without inotify); -F follows the name instead, and
// reopens it when it is replaced or reappears. Regular files are read from the end backwards.

import { isSysError, strerror } from '../../abi/errno.ts';
import { S_IFIFO, S_IFMT, S_IFREG } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import { withArgv } from '../lib/argv.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { countNumber, parseSuffixed } from '../lib/suffixed.ts';
import { runTool, tryHelp, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'tail', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [FILE]...'],
  summary: 'Print the last 10 lines of each FILE; with several FILEs, put a header before each.\nWith no FILE, or FILE "-", read standard input.',
  options: [
    { short: 'c', long: 'bytes', arg: 'required', argName: '[+]NUM', help: 'print the last NUM bytes; +NUM starts at byte NUM' },
    { short: 'f', long: 'follow', arg: 'optional', argName: '{name|descriptor}', key: 'follow', help: 'keep printing data appended to the files; -f follows the open\nfile, --follow=name follows the name' },
    { short: 'F', key: 'F', help: 'the same as --follow=name --retry' },
    { short: 'n', long: 'lines', arg: 'required', argName: '[+]NUM', help: 'print the last NUM lines (default 10); +NUM starts at line NUM' },
    { long: 'max-unchanged-stats', arg: 'required', argName: 'N', help: 'accepted for compatibility (files are checked every interval)' },
    { long: 'pid', arg: 'required', argName: 'PID', help: 'with -f, stop once process PID has ended' },
    { short: 'q', long: 'quiet', key: 'quiet', help: 'never print headers' },
    { long: 'silent', key: 'quiet', help: 'the same as --quiet' },
    { long: 'retry', help: 'keep trying to open a file that cannot be opened' },
    { short: 's', long: 'sleep-interval', arg: 'required', argName: 'N', help: 'with -f, wait N seconds (default 1.0) between checks' },
    { short: 'v', long: 'verbose', help: 'always print headers' },
    { short: 'z', long: 'zero-terminated', help: 'lines end with a NUL byte, not a newline' },
    ...'0123456789'.split('').map((d) => ({ short: d, key: 'digit', help: '' })),
  ],
};

const CHUNK = 65536;

interface Plan {
  lines: boolean;
  count: number;
  fromStart: boolean;
  eol: number;
}

interface Followed {
  name: string;
  shown: string;
  fd: number;
  pos: number;
  regular: boolean;
  fifo: boolean;
  dev: number;
  ino: number;
  /** Name mode: the last errno text seen, so a missing file is reported once. */
  missing: boolean;
  gone: boolean;
  untailable?: boolean;
}

/** GNU's obsolete first argument (-5, +3, -2c, +1f), allowed with at most one file operand. */
function obsolete(argv: string[]): string[] | string {
  const argc = argv.length;
  if (!(argc === 2 || (argc === 3 && !(argv[2]!.startsWith('-') && argv[2]!.length > 1)) || (argc >= 3 && argc <= 4 && argv[2] === '--'))) return argv;
  const arg = argv[1]!;
  const sign = arg[0];
  if (sign !== '+' && sign !== '-') return argv;
  let p = 1;
  if (sign === '-' && (arg[p] === undefined || (arg[p] === 'c' && arg[p + 1] === undefined))) return argv;
  const start = p;
  while (p < arg.length && arg[p]! >= '0' && arg[p]! <= '9') p++;
  const digits = arg.slice(start, p);
  let lines = true;
  let mult = 1n;
  if (arg[p] === 'b') { mult = 512n; lines = false; p++; }
  else if (arg[p] === 'c') { lines = false; p++; }
  else if (arg[p] === 'l') p++;
  const follow = arg[p] === 'f';
  if (follow) p++;
  if (p < arg.length) return argv;
  let n = 10n;
  if (digits !== '') {
    n = BigInt(digits);
    if (n > (1n << 64n) - 1n) return `tail: invalid number: ${quote(arg)}: Numerical result out of range`;
  }
  n *= mult;
  const count = `${sign === '+' ? '+' : ''}${n}`;
  return [argv[0]!, lines ? '-n' : '-c', count, ...(follow ? ['-f'] : []), ...argv.slice(2)];
}

const isRegular = (mode: number): boolean => (mode & S_IFMT) === S_IFREG;

/** Where the last `n` lines start in `data` (an unterminated last line counts as one). */
function lastLinesStart(data: Uint8Array, n: number, eol: number): number {
  if (n === 0) return data.length;
  let i = data.length - 1;
  if (i >= 0 && data[i] === eol) i--;
  let seen = 0;
  for (; i >= 0; i--) if (data[i] === eol && ++seen === n) return i + 1;
  return 0;
}

/** Where line (or byte) number `n` (1-based; 0 means 1) starts. */
function fromStartOffset(data: Uint8Array, n: number, lines: boolean, eol: number): number {
  if (!lines) return Math.min(data.length, Math.max(0, n - 1));
  let skip = n - 1;
  let i = 0;
  while (skip > 0 && i < data.length) {
    const at = data.indexOf(eol, i);
    if (at < 0) return data.length;
    i = at + 1;
    skip--;
  }
  return i;
}

/** The last lines of a regular file, reading blocks backwards from its end. */
async function regularLinesStart(sys: Sys, fd: number, size: number, n: number, eol: number): Promise<number> {
  if (n === 0 || size === 0) return size;
  let pos = size;
  let seen = 0;
  let first = true;
  while (pos > 0) {
    const len = Math.min(CHUNK, pos);
    pos -= len;
    const block = await sys.pread(fd, len, pos);
    let i = block.length - 1;
    if (first) {
      first = false;
      if (block[i] === eol) i--;
    }
    for (; i >= 0; i--) if (block[i] === eol && ++seen === n) return pos + i + 1;
  }
  return 0;
}

async function copyRange(tool: Tool, fd: number, from: number, to: number): Promise<void> {
  for (let at = from; at < to;) {
    const chunk = await tool.sys.pread(fd, Math.min(CHUNK, to - at), at);
    if (chunk.length === 0) break;
    await tool.out.write(chunk);
    at += chunk.length;
  }
}

/** Print the requested part of one open file; returns the offset following ends at. */
async function printTail(tool: Tool, fd: number, plan: Plan): Promise<{ pos: number; regular: boolean; fifo: boolean; dev: number; ino: number }> {
  const st = await tool.sys.fstat(fd);
  if (isRegular(st.mode)) {
    const size = st.size;
    let start: number;
    if (plan.fromStart) {
      if (plan.lines) {
        start = size;
        let skip = plan.count - 1;
        let at = 0;
        if (skip <= 0) start = 0;
        while (skip > 0 && at < size) {
          const block = await tool.sys.pread(fd, Math.min(CHUNK, size - at), at);
          if (block.length === 0) break;
          let i = 0;
          while (skip > 0) {
            const nl = block.indexOf(plan.eol, i);
            if (nl < 0) break;
            i = nl + 1;
            skip--;
          }
          at += skip === 0 ? i : block.length;
          if (skip === 0) start = at;
        }
      } else start = Math.min(size, Math.max(0, plan.count - 1));
    } else if (plan.lines) start = await regularLinesStart(tool.sys, fd, size, plan.count, plan.eol);
    else start = Math.max(0, size - plan.count);
    await copyRange(tool, fd, start, size);
    return { pos: size, regular: true, fifo: false, dev: st.dev, ino: st.ino };
  }
  const data = await tool.sys.readAll(fd);
  const start = plan.fromStart
    ? fromStartOffset(data, plan.count, plan.lines, plan.eol)
    : plan.lines ? lastLinesStart(data, plan.count, plan.eol) : Math.max(0, data.length - plan.count);
  await tool.out.write(data.subarray(start));
  return { pos: data.length, regular: false, fifo: (st.mode & S_IFMT) === S_IFIFO, dev: st.dev, ino: st.ino };
}

function parseCount(value: string, lines: boolean): { count: number; fromStart: boolean } | string {
  const fromStart = value.startsWith('+');
  const text = value.startsWith('-') ? value.slice(1) : value;
  const r = parseSuffixed(text, 'bkKmMGTPEZY0');
  const what = lines ? 'lines' : 'bytes';
  if (r === 'invalid') return `invalid number of ${what}: ${quote(text)}`;
  if (r === 'overflow') return `invalid number of ${what}: ${quote(text)}: Value too large for defined data type`;
  return { count: countNumber(r), fromStart };
}

function parseSeconds(text: string): number | null {
  if (!/^[ \t]*\+?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/.test(text)) return null;
  const n = Number(text.trim());
  return Number.isFinite(n) && n >= 0 ? n : null;
}

async function argmatchFollow(tool: Tool, value: string): Promise<'name' | 'descriptor' | null> {
  const choices = ['descriptor', 'name'] as const;
  const hit = choices.filter((c) => c.startsWith(value));
  if (value !== '' && hit.length === 1) return hit[0]!;
  const exact = choices.find((c) => c === value);
  if (exact) return exact;
  await tool.sys.writeAll(2, `tail: ${value === '' || hit.length === 0 ? 'invalid' : 'ambiguous'} argument ${quote(value)} for '--follow'\nValid arguments are:\n  - 'descriptor'\n  - 'name'\n${tryHelp(meta)}`);
  return null;
}

export default async function tail(sys: Sys): Promise<number> {
  const argv = obsolete(sys.argv);
  if (typeof argv === 'string') {
    await sys.writeAll(2, `${argv}\n`);
    return 1;
  }
  return runTool(withArgv(sys, argv), meta, async (tool) => {
    tool.wordWriteError({ midRun: (err) => `tail: error writing 'standard output': ${err}\n` });
    const a = tool.args;
    let plan: Plan = { lines: true, count: 10, fromStart: false, eol: a.has('zero-terminated') ? 0 : 10 };
    let follow: 'name' | 'descriptor' | null = null;
    let retry = false;
    let interval = 1;
    let pid: number | null = null;
    for (const o of a.options) {
      if (o.key === 'digit') {
        await tool.error(`option used in invalid context -- ${o.spelled.slice(1)}`);
        return 1;
      }
      if (o.key === 'lines' || o.key === 'bytes') {
        const r = parseCount(o.value!, o.key === 'lines');
        if (typeof r === 'string') {
          await tool.error(tool.busybox ? `invalid number ${quote(o.value!)}` : r);
          return 1;
        }
        plan = { ...plan, lines: o.key === 'lines', ...r };
      } else if (o.key === 'follow') {
        if (o.value === undefined) follow = 'descriptor';
        else {
          const f = await argmatchFollow(tool, o.value);
          if (!f) return 1;
          follow = f;
        }
      } else if (o.key === 'F') {
        follow = 'name';
        retry = true;
      } else if (o.key === 'retry') retry = true;
      else if (o.key === 'sleep-interval') {
        const s = parseSeconds(o.value!);
        if (s === null) {
          await tool.error(`invalid number of seconds: ${quote(o.value!)}`);
          return 1;
        }
        interval = s;
      } else if (o.key === 'pid') {
        const n = /^[ \t]*\+?[0-9]+$/.test(o.value!) ? Number(o.value!.trim()) : NaN;
        if (!Number.isSafeInteger(n) || n > 2147483647) {
          await tool.error(`invalid PID: ${quote(o.value!)}`);
          return 1;
        }
        pid = n;
      } else if (o.key === 'max-unchanged-stats') {
        if (typeof parseSuffixed(o.value!, '') !== 'bigint') {
          await tool.error(`invalid maximum number of unchanged stats between opens: ${quote(o.value!)}`);
          return 1;
        }
      }
    }
    if (retry && !follow) await tool.error('warning: --retry ignored; --retry is useful only when following', 0);
    else if (retry && follow === 'descriptor') await tool.error('warning: --retry only effective for the initial open', 0);
    if (pid !== null && !follow) await tool.error('warning: PID ignored; --pid=PID is useful only when following', 0);
    const files = a.operands.length ? a.operands : ['-'];
    if (follow === 'name' && files.includes('-')) {
      await tool.error(`cannot follow ${quote('-')} by name`);
      return 1;
    }
    const headers = a.last('quiet', 'verbose') === 'verbose' || (!a.has('quiet') && files.length > 1);
    let shownLast: Followed | null = null;
    let first = true;
    const header = async (f: Followed): Promise<void> => {
      if (headers && shownLast !== f) {
        await tool.out.write(`${first ? '' : '\n'}==> ${f.shown} <==\n`);
        first = false;
      }
      shownLast = f;
    };
    const followed: Followed[] = [];
    for (const name of files) {
      const shown = name === '-' ? 'standard input' : name;
      const f: Followed = { name, shown, fd: -1, pos: 0, regular: false, fifo: false, dev: 0, ino: 0, missing: false, gone: false };
      followed.push(f);
      if (name === '-') f.fd = 0;
      else {
        try {
          f.fd = await sys.open(name, 0);
        } catch (e) {
          await tool.sysError(e, tool.busybox ? `can't open '${name}'` : `cannot open ${quote(name)} for reading`);
          f.missing = true;
          if (!(follow && retry)) f.gone = true;
          continue;
        }
      }
      await header(f);
      try {
        // tail looks at the file before it reads: a closed standard input fails here.
        await sys.fstat(f.fd);
      } catch (e) {
        await tool.sysError(e, `cannot fstat ${quote(shown)}`);
        f.gone = true;
        f.untailable = true;
        continue;
      }
      try {
        const r = await printTail(tool, f.fd, plan);
        Object.assign(f, r);
      } catch (e) {
        await tool.sysError(e, `error reading ${quote(shown)}`);
        f.gone = true;
        f.untailable = true;
      }
    }
    // busybox gives up when no file opened at all.
    if (tool.busybox && followed.every((f) => f.missing)) await tool.error('no files');
    if (!follow) {
      for (const f of followed) if (f.fd > 0) await sys.close(f.fd);
      // GNU's tools close a standard input they read; a closed one fails there too.
      if (!tool.busybox && files.includes('-')) await tool.closeStdin();
      return;
    }
    // POSIX: -f is ignored for a pipe on standard input; a file that failed to open still counts.
    const viable = followed.filter((f) => !(f.name === '-' && f.fifo && f.fd >= 0));
    if (viable.length === 0) return;
    for (const f of viable) {
      if (f.untailable) await tool.error(`${quoteIfNeeded(f.shown)}: cannot follow end of this type of file; giving up on this name`);
    }
    await tool.out.flush();
    await followLoop(tool, viable, follow, interval, pid, header);
  });
}

async function followLoop(
  tool: Tool, files: Followed[], mode: 'name' | 'descriptor', interval: number, pid: number | null,
  header: (f: Followed) => Promise<void>,
): Promise<number | void> {
  const { sys } = tool;
  for (;;) {
    if (files.every((f) => f.gone)) {
      await tool.error('no files remaining');
      return 1;
    }
    let pidGone = false;
    if (pid !== null) {
      try {
        await sys.kill(pid, 0);
      } catch (e) {
        if (isSysError(e, 'ESRCH')) pidGone = true;
      }
    }
    for (const f of files) {
      if (f.gone) continue;
      if (mode === 'name' || f.fd < 0) await recheckName(tool, f);
      if (f.fd < 0) continue;
      let st;
      try {
        st = await sys.fstat(f.fd);
      } catch (e) {
        await tool.sysError(e, `cannot fstat ${quote(f.shown)}`);
        f.gone = true;
        continue;
      }
      if (f.regular && st.size < f.pos) {
        await tool.error(`${quoteIfNeeded(f.shown)}: file truncated`);
        f.pos = 0;
      }
      if (f.regular && st.size === f.pos) continue;
      try {
        if (f.regular) {
          let wrote = false;
          for (;;) {
            const chunk = await sys.pread(f.fd, CHUNK, f.pos);
            if (chunk.length === 0) break;
            if (!wrote) await header(f);
            wrote = true;
            await tool.out.write(chunk);
            f.pos += chunk.length;
          }
        } else {
          const chunk = await sys.read(f.fd, CHUNK);
          if (chunk.length > 0) {
            await header(f);
            await tool.out.write(chunk);
          }
        }
      } catch (e) {
        await tool.sysError(e, `error reading ${quote(f.shown)}`);
        f.gone = true;
      }
    }
    await tool.out.flush();
    if (pidGone) return;
    await sys.sleep(Math.round(interval * 1000));
  }
}

/** --follow=name: notice a name that vanished, came back, or now names another file. */
async function recheckName(tool: Tool, f: Followed): Promise<void> {
  const { sys } = tool;
  let st;
  try {
    st = await sys.stat(f.name);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (!f.missing) {
      await tool.error(`${quote(f.shown)} has become inaccessible: ${strerror(e.code)}`);
      f.missing = true;
      if (f.fd > 0) await sys.close(f.fd);
      f.fd = -1;
    }
    return;
  }
  if (!f.missing && f.fd >= 0 && st.dev === f.dev && st.ino === f.ino) return;
  const wasMissing = f.missing;
  try {
    const fd = await sys.open(f.name, 0);
    if (f.fd > 0) await sys.close(f.fd);
    f.fd = fd;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return;
  }
  f.missing = false;
  f.regular = isRegular(st.mode);
  f.dev = st.dev;
  f.ino = st.ino;
  f.pos = 0;
  await tool.error(`${quote(f.shown)} ${wasMissing ? 'has appeared' : 'has been replaced'};  following new file`, 0);
}
