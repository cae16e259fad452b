// busybox ash's `read` with the options dash's has not (shell_builtin_read): -n N stops after N
// bytes, -d C reads up to C instead of a newline, -s turns the terminal's echo off, -u FD reads
// another descriptor and -t SECS gives up after a while (status 1, and no variable is set).
// Input is read a byte at a time, so nothing past the line is consumed. Without these options
// ash's read is dash's (builtins/read.ts), whose splitting this shares.

import { isSysError } from '../../abi/errno.ts';
import { isReg } from '../../abi/stat.ts';
import { ECHO, ECHOK, ECHONL, ICANON, TCSANOW, VMIN, VTIME, copyTermios } from '../../abi/termios.ts';
import { WIFSIGNALED } from '../../abi/signals.ts';
import type { Sys } from '../../sys/sys.ts';
import { readSplit } from './builtins/read.ts';
import { parseOpts } from './builtins/options.ts';
import { bytesToLatin1 } from './bytes.ts';
import { isName } from './lexer.ts';
import { forkOrFail, type Shell } from './shell.ts';
import { isTerminal } from './tty.ts';

const SIGKILL = 9;
const INT_MAX = 0x7fffffff;

/** The loop of shell_builtin_read, a byte at a time: what was kept, and whether to stop. */
class LineState {
  chars = '';
  esc: boolean[] = [];
  private backslash = false;
  /** Bytes still allowed (-n); 0 means no limit. */
  private left: number;

  constructor(private readonly raw: boolean, private readonly delim: string, count: number) {
    this.left = count;
  }

  /** Take one byte; true when the read is complete. */
  feed(c: string): boolean {
    if (!this.raw && this.backslash) {
      this.backslash = false;
      if (c !== '\n') this.put(c, true);
    } else if (!this.raw && c === '\\') this.backslash = true;
    else if (c === this.delim) return true;
    else if (c !== '\0') this.put(c, false);
    // Every byte counts towards -n, escapes and NULs included (busybox's `while (--nchars)`).
    return this.left > 0 && --this.left === 0;
  }

  private put(c: string, escaped: boolean): void {
    this.chars += c;
    this.esc.push(escaped);
  }
}

/** Read bytes from `fd` into `line` until it is complete; false at end of file or on an error. */
async function readInto(sys: Sys, fd: number, line: LineState, copy?: number): Promise<boolean> {
  for (;;) {
    let b: Uint8Array;
    try {
      b = await sys.read(fd, 1);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.code === 'EINTR') continue;
      return false;
    }
    if (b.length === 0) return false;
    if (copy !== undefined) await sys.writeAll(copy, b);
    if (line.feed(bytesToLatin1(b))) return true;
  }
}

/**
 * `read -t`: a child reads (and copies each byte to a pipe) while another sleeps and then kills
 * it, since there is no poll(2) to wait with; what the reader got before it died still counts.
 */
async function readTimed(sh: Shell, fd: number, line: LineState, ms: number, mirror: () => LineState): Promise<'done' | 'eof' | 'timeout'> {
  const [rd, wr] = await sh.sys.pipe();
  const reader = await forkOrFail(sh, async (c) => {
    await c.close(rd);
    return (await readInto(c, fd, mirror(), wr)) ? 0 : 1;
  });
  const timer = await forkOrFail(sh, async (c) => {
    await c.close(rd);
    await c.close(wr);
    await c.sleep(ms);
    try {
      await c.kill(reader, SIGKILL);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    return 0;
  });
  await sh.sys.close(wr);
  await readInto(sh.sys, rd, line);
  await sh.sys.close(rd);
  const [, status] = await sh.sys.wait4(reader, 0);
  try {
    await sh.sys.kill(timer, SIGKILL);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  await sh.sys.wait4(timer, 0);
  return WIFSIGNALED(status) ? 'timeout' : status === 0 ? 'done' : 'eof';
}

/** `-t 0`: whether input is there at once. Without poll(2), files and devices other than terminals count as ready. */
async function readyNow(sh: Shell, fd: number): Promise<boolean> {
  try {
    const st = await sh.sys.fstat(fd);
    return isReg(st.mode) || ((st.mode & 0o170000) === 0o020000 && !(await isTerminal(sh, fd)));
  } catch (e) {
    if (!isSysError(e)) throw e;
    return false;
  }
}

/** read with busybox's options; the caller passes here only when one of -n -d -s -u -t is given. */
export async function ashRead(sh: Shell, argv: string[]): Promise<number> {
  const { opts, rest: names } = parseOpts(sh, argv, 'p:u:rt:n:sd:');
  const opt = new Map(opts);
  const raw = opt.has('r');
  let count = 0;
  const n = opt.get('n');
  if (n !== undefined) {
    if (!/^[0-9]+$/.test(n) || Number(n) > INT_MAX) sh.error('invalid count');
    count = Number(n);
  }
  const t = opt.get('t');
  let ms: number | null = null;
  if (t !== undefined) {
    if (!/^[0-9]+(\.[0-9]*)?$/.test(t) || Number(t) > INT_MAX / 2048) sh.error('invalid timeout');
    // busybox keeps three digits of the fraction: milliseconds.
    ms = Math.floor(Number(t) * 1000);
  }
  let fd = 0;
  const u = opt.get('u');
  if (u !== undefined) {
    if (!/^[0-9]+$/.test(u) || Number(u) > INT_MAX) sh.error('invalid file descriptor');
    fd = Number(u);
  }
  const vars = names.length ? names : ['REPLY'];
  for (const name of vars) if (!isName(name)) sh.error(`${name}: bad variable name`);
  if (ms === 0) return (await readyNow(sh, fd)) ? 0 : 1;

  // -n reads without waiting for a whole line, -s without echo: the terminal is set so, then
  // back. (busybox prompts first; setting the terminal first leaves no moment in which a key
  // typed at the prompt would still be echoed.)
  let saved = null;
  if (count > 0 || opt.has('s')) {
    try {
      saved = await sh.sys.tcgetattr(fd);
      const tty = copyTermios(saved);
      if (count > 0) {
        tty.lflag &= ~ICANON;
        tty.cc[VMIN] = 1;
        tty.cc[VTIME] = 0;
      }
      if (opt.has('s')) tty.lflag &= ~(ECHO | ECHOK | ECHONL);
      await sh.sys.tcsetattr(fd, TCSANOW, tty);
    } catch (e) {
      if (!isSysError(e)) throw e;
      saved = null;
    }
  }
  const prompt = opt.get('p');
  if (prompt !== undefined && (await isTerminal(sh, fd))) {
    await sh.flushOut();
    await sh.writeFd(2, prompt);
  }
  // -d '' ends at a NUL byte, as busybox takes the option's first byte.
  const delim = opt.has('d') ? (opt.get('d')![0] ?? '\0') : '\n';
  const fresh = (): LineState => new LineState(raw, delim, count);
  const line = fresh();
  let end: 'done' | 'eof' | 'timeout';
  try {
    end = ms === null ? ((await readInto(sh.sys, fd, line)) ? 'done' : 'eof') : await readTimed(sh, fd, line, ms, fresh);
  } finally {
    if (saved) await sh.sys.tcsetattr(fd, TCSANOW, saved).catch((e: unknown) => {
      if (!isSysError(e)) throw e;
    });
  }
  // busybox assigns nothing when the time runs out; with no names the line goes to REPLY unsplit.
  if (end === 'timeout') return 1;
  const fields = names.length ? readSplit(line.chars, line.esc, sh.ifs, vars.length) : [line.chars];
  vars.forEach((name, i) => sh.setVar(name, fields[i] ?? ''));
  return end === 'done' ? 0 : 1;
}
