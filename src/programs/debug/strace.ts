// strace (strace 6.1): run a command, or attach to processes (-p), and print every system call
// they make as it happens, through ptrace(2): the child asks to be traced (PTRACE_TRACEME) and
// execs the command; each call stops it twice, and strace prints `name(args` at the entry and
// `) = result` at the exit, so a tracee's own output lands inside the line as it does on Linux.
// -f follows children ([pid N] prefixes while several run), -o FILE writes the trace to a file
// (-ff: one file per process), -e trace=SET / signal=SET / quiet=SET filter, -c counts instead.

import { isSysError, strerror, type ErrnoName } from '../../abi/errno.ts';
import { O_CLOEXEC, O_CREAT, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import {
  PTRACE_DETACH, PTRACE_GETSIGINFO, PTRACE_GET_SYSCALL_INFO, PTRACE_O_EXITKILL, PTRACE_O_TRACECLONE, PTRACE_O_TRACEFORK,
  PTRACE_O_TRACESYSGOOD, PTRACE_O_TRACEVFORK, PTRACE_SEIZE, PTRACE_SETOPTIONS, PTRACE_SYSCALL, PTRACE_SYSCALL_INFO_ENTRY,
  PTRACE_SYSCALL_INFO_EXIT, PTRACE_TRACEME, WALL, type PtraceSigInfo, type PtraceSyscallInfo,
} from '../../abi/ptrace.ts';
import { NSIG, SIG, WEXITSTATUS, WIFEXITED, WIFSIGNALED, WIFSTOPPED, WSTOPSIG, WTERMSIG, signalNumber } from '../../abi/signals.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { UsageError, parseArgs, type Parsed } from '../lib/options.ts';
import { helpText } from '../lib/help.ts';
import {
  type FormatOptions, type Item, type Outcome, callItems, decodedAtEntry, fdArguments, fdResults, returnText, sigName, siginfoText,
} from './strace-format.ts';
import { SYSCALLS, TRACE_CLASSES } from './strace-syscalls.ts';

export const meta: ProgramMeta = {
  name: 'strace', package: 'strace', version: '6.1',
  usage: ['[-fcCqTtyzZx] [-a COLUMN] [-e EXPR]... [-o FILE] [-s STRSIZE] {-p PID | COMMAND [ARG]...}'],
  summary: 'Run COMMAND (or watch process PID) and print each system call it makes, with its arguments and result.',
  stopAtOperand: true,
  standardOptions: false,
  options: [
    { short: 'a', long: 'columns', arg: 'required', argName: 'COLUMN', help: 'align the results at COLUMN (default 40)' },
    { short: 'c', long: 'summary-only', help: 'count calls, errors and time instead of printing calls' },
    { short: 'C', long: 'summary', help: 'print calls and the counts at the end' },
    { short: 'e', arg: 'required', argName: 'EXPR', help: 'trace=SET: which calls to show (names, %file, %process, !SET)\nsignal=SET: which signals to show; quiet=SET: attach,exit' },
    { long: 'trace', arg: 'required', argName: 'SET', help: 'the same as -e trace=SET' },
    { long: 'signal', arg: 'required', argName: 'SET', help: 'the same as -e signal=SET' },
    { short: 'f', long: 'follow-forks', help: 'trace the children a traced process makes too (-ff: with -o, a file each)' },
    { long: 'output-separately', help: 'with -o FILE, write each process to FILE.PID' },
    { short: 'o', long: 'output', arg: 'required', argName: 'FILE', help: 'write the trace to FILE instead of standard error' },
    { short: 'p', long: 'attach', arg: 'required', argName: 'PID', help: 'trace the running process PID (interrupt to let it go)' },
    { short: 'q', long: 'quiet', help: 'do not report attaching and detaching (-qq: nor exits)' },
    { short: 's', long: 'string-limit', arg: 'required', argName: 'STRSIZE', help: 'show at most STRSIZE bytes of a string (default 32)' },
    { short: 't', long: 'absolute-timestamps', help: 'start each line with the time (-tt: with microseconds, -ttt: seconds since the epoch)' },
    { short: 'T', long: 'syscall-times', help: 'show the time each call took, after its result' },
    { short: 'x', help: 'print non-ASCII strings in hex (-xx: every string)' },
    { short: 'y', long: 'decode-fds', help: 'show the path behind each file descriptor' },
    { short: 'z', long: 'successful-only', help: 'show only calls that succeeded' },
    { short: 'Z', long: 'failed-only', help: 'show only calls that failed' },
    { short: 'h', long: 'help', help: 'display this help and exit' },
    { short: 'V', long: 'version', help: 'output version information and exit' },
  ],
};

const TRY = "Try 'strace -h' for more information.\n";

class Fatal extends Error {
  constructor(readonly text: string, readonly tryHelp = false) {
    super(text);
  }
}

// ---- what to show ---------------------------------------------------------------------------

interface Filters {
  trace: ((name: string) => boolean);
  signals: Set<number>;
  quietAttach: boolean;
  quietExit: boolean;
}

/** A -e trace= set: names, %classes, /regex, all, none; a leading ! inverts it. */
function parseTraceSet(spec: string): (name: string) => boolean {
  let s = spec;
  let invert = false;
  while (s.startsWith('!')) {
    invert = !invert;
    s = s.slice(1);
  }
  if (s === 'none') return (name) => invert;
  if (s === 'all') return (name) => !invert;
  const names = new Set<string>();
  const tests: Array<(name: string) => boolean> = [];
  for (const raw of s.split(',')) {
    let token = raw;
    let optional = false;
    while (token.startsWith('?')) {
      optional = true;
      token = token.slice(1);
    }
    if (token === 'all') {
      tests.push(() => true);
      continue;
    }
    const cls = TRACE_CLASSES[token];
    if (cls) {
      tests.push((name) => SYSCALLS.get(name)?.classes.includes(cls) ?? false);
      continue;
    }
    if (token.startsWith('/')) {
      let re: RegExp;
      try {
        re = new RegExp(token.slice(1));
      } catch {
        throw new Fatal(`strace: invalid system call '${token}'`);
      }
      tests.push((name) => re.test(name));
      continue;
    }
    if (/^\d+$/.test(token)) {
      const nr = Number(token);
      const hit = [...SYSCALLS].find(([, info]) => info.nr === nr);
      if (hit) names.add(hit[0]);
      else if (!optional) throw new Fatal(`strace: invalid system call '${token}'`);
      continue;
    }
    if (SYSCALLS.has(token)) names.add(token);
    else if (!optional) throw new Fatal(`strace: invalid system call '${token}'`);
  }
  return (name) => (names.has(name) || tests.some((t) => t(name))) !== invert;
}

function parseSignalSet(spec: string): Set<number> {
  let s = spec;
  let invert = false;
  while (s.startsWith('!')) {
    invert = !invert;
    s = s.slice(1);
  }
  const set = new Set<number>();
  if (s !== 'none') {
    for (const token of s === 'all' ? [] : s.split(',')) {
      const n = /^\d+$/.test(token) ? Number(token) : token.toUpperCase().startsWith('SIG') || !/^\d/.test(token) ? signalNumber(token) : undefined;
      if (n === undefined || n < 1 || n > NSIG) throw new Fatal(`strace: invalid signal '${token}'`);
      set.add(n);
    }
    if (s === 'all') for (let n = 1; n <= NSIG; n++) set.add(n);
  }
  if (!invert) return set;
  const out = new Set<number>();
  for (let n = 1; n <= NSIG; n++) if (!set.has(n)) out.add(n);
  return out;
}

function parseFilters(a: Parsed): Filters {
  const f: Filters = {
    trace: () => true, signals: parseSignalSet('all'), quietAttach: a.count('quiet') >= 1, quietExit: a.count('quiet') >= 2,
  };
  const exprs: string[] = [];
  for (const o of a.options) {
    if (o.key === 'e') exprs.push(o.value ?? '');
    else if (o.key === 'trace') exprs.push(`trace=${o.value ?? ''}`);
    else if (o.key === 'signal') exprs.push(`signal=${o.value ?? ''}`);
  }
  for (const e of exprs) {
    const m = /^(trace|t|signals?|s|quiet|silent|silence|q)=(.*)$/s.exec(e);
    const kind = m?.[1] ?? 'trace';
    const value = m ? m[2]! : e;
    if (kind === 'trace' || kind === 't') f.trace = parseTraceSet(value);
    else if (kind.startsWith('s') && kind !== 'silent' && kind !== 'silence') f.signals = parseSignalSet(value);
    else {
      const words = value === 'all' ? ['attach', 'exit'] : value === 'none' ? [] : value.split(',');
      const known = ['attach', 'exit', 'path-resolution', 'personality', 'thread-execve', 'superseded'];
      for (const w of words) if (!known.includes(w)) throw new Fatal(`strace: invalid quiet '${w}'`);
      f.quietAttach = words.includes('attach');
      f.quietExit = words.includes('exit');
    }
  }
  return f;
}

// ---- output ---------------------------------------------------------------------------------

/** Where trace lines go: standard error, the -o file, or one file per process (-ff). */
class Sink {
  col = 0;
  /** The process whose line on this sink is not finished. */
  printing: Proc | null = null;
  /** `name`: the -o file, named in a failed write's message (strace goes on tracing). */
  constructor(private readonly sys: Sys, readonly fd: number, private readonly name?: string) {}

  async write(text: string): Promise<void> {
    if (!text) return;
    const nl = text.lastIndexOf('\n');
    this.col = nl < 0 ? this.col + text.length : text.length - nl - 1;
    try {
      await this.sys.writeAll(this.fd, text);
    } catch (e) {
      if (!isSysError(e)) throw e;
      // A failing standard error leaves nowhere to say it.
      if (this.name !== undefined) await this.sys.writeAll(2, `strace: ${this.name}: ${strerror(e.code)}\n`).catch(() => undefined);
    }
  }
}

interface Proc {
  pid: number;
  sink: Sink;
  /** Calls before the first execve of a command strace started are strace's own: not shown. */
  hidden: boolean;
  /** The call it is in: its entry record, and how much of its line is out. */
  call: PtraceSyscallInfo | null;
  shown: boolean;
  line: 'none' | 'open' | 'interrupted';
  entryItems: number;
  startNs: bigint;
  fds: Map<number, string>;
}

interface Stats {
  calls: number;
  errors: number;
  ns: bigint;
}

// ---- the tracer -----------------------------------------------------------------------------

class Tracer {
  readonly procs = new Map<number, Proc>();
  readonly stats = new Map<string, Stats>();
  mainPid = 0;
  mainStatus: number | null = null;
  private sink: Sink | null = null;
  private readonly format: FormatOptions;
  private interrupted = false;

  constructor(
    readonly sys: Sys,
    readonly a: Parsed,
    readonly filters: Filters,
    readonly outName: string | undefined,
    private readonly column: number,
  ) {
    this.format = { strsize: Number(a.value('string-limit') ?? 32), hex: Math.min(a.count('x'), 2) as 0 | 1 | 2 };
  }

  get follow(): boolean {
    return this.a.count('follow-forks') > 0;
  }
  get separate(): boolean {
    return this.outName !== undefined && (this.a.count('follow-forks') > 1 || this.a.has('output-separately'));
  }
  get countOnly(): boolean {
    return this.a.last('summary-only', 'summary') === 'summary-only';
  }
  get counting(): boolean {
    return this.a.has('summary-only') || this.a.has('summary');
  }
  get status(): 'all' | 'ok' | 'failed' {
    const last = this.a.last('successful-only', 'failed-only');
    return last === 'successful-only' ? 'ok' : last === 'failed-only' ? 'failed' : 'all';
  }

  async openSink(): Promise<void> {
    if (this.outName === undefined || this.separate) {
      this.sink = this.outName === undefined ? new Sink(this.sys, 2) : null;
      return;
    }
    this.sink = new Sink(this.sys, await openOut(this.sys, this.outName), this.outName);
  }

  private async sinkFor(pid: number): Promise<Sink> {
    if (this.sink) return this.sink;
    return new Sink(this.sys, await openOut(this.sys, `${this.outName}.${pid}`), `${this.outName}.${pid}`);
  }

  async message(text: string): Promise<void> {
    await this.sys.writeAll(2, `strace: ${text}\n`);
  }

  async addProc(pid: number, hidden: boolean): Promise<Proc> {
    const p: Proc = {
      pid, sink: await this.sinkFor(pid), hidden, call: null, shown: false, line: 'none', entryItems: 0, startNs: 0n, fds: new Map(),
    };
    this.procs.set(pid, p);
    return p;
  }

  // ---- line layout ----

  private async leader(p: Proc): Promise<string> {
    let s = '';
    if (this.outName !== undefined && !this.separate && (this.follow || this.procs.size > 1)) s += `${String(p.pid).padEnd(5)} `;
    else if (this.outName === undefined && this.procs.size > 1) s += `[pid ${String(p.pid).padStart(5)}] `;
    const t = this.a.count('absolute-timestamps');
    if (t > 0) {
      const ns = await this.sys.clockGettime(0);
      const sec = ns / 1_000_000_000n;
      const us = String((ns % 1_000_000_000n) / 1000n).padStart(6, '0');
      if (t >= 3) s += `${sec}.${us} `;
      else {
        const d = Number(sec % 86400n);
        const hms = [Math.floor(d / 3600), Math.floor(d / 60) % 60, d % 60].map((n) => String(n).padStart(2, '0')).join(':');
        s += t === 2 ? `${hms}.${us} ` : `${hms} `;
      }
    }
    return s;
  }

  /** End another process's half-printed line, as strace does, before starting one. */
  private async interruptOthers(p: Proc): Promise<void> {
    const other = p.sink.printing;
    if (other && other !== p && other.line === 'open') {
      await p.sink.write(' <unfinished ...>\n');
      other.line = 'interrupted';
    }
    p.sink.printing = null;
  }

  private options(p: Proc): FormatOptions {
    return this.a.has('decode-fds') ? { ...this.format, fdPath: (fd) => p.fds.get(fd) } : this.format;
  }

  private async resolveFds(p: Proc, fds: number[]): Promise<void> {
    if (!this.a.has('decode-fds')) return;
    for (const fd of fds) {
      try {
        p.fds.set(fd, await this.sys.readlink(`/proc/${p.pid}/fd/${fd}`));
      } catch (e) {
        if (!isSysError(e)) throw e;
        p.fds.delete(fd);
      }
    }
  }

  private joined(items: Item[]): string {
    return items.map((it) => it.text).join(', ');
  }

  private async tail(p: Proc, ret: string): Promise<void> {
    const sink = p.sink;
    await sink.write(') ');
    if (sink.col < this.column) await sink.write(' '.repeat(this.column - sink.col));
    await sink.write(`= ${ret}\n`);
    p.line = 'none';
    sink.printing = null;
  }

  // ---- events ----

  async entry(p: Proc, info: PtraceSyscallInfo): Promise<void> {
    if (p.hidden) {
      if (info.name !== 'execve') return;
      p.hidden = false;
    }
    p.call = info;
    p.shown = this.filters.trace(info.name);
    p.startNs = await this.sys.clockGettime(1);
    if (!p.shown || this.countOnly || this.status !== 'all') return;
    await this.resolveFds(p, fdArguments(info.name, info.args));
    const items = callItems(info.name, info.args, this.options(p));
    const firstOut = items.findIndex((it) => it.out);
    const known = firstOut < 0 ? items : items.slice(0, firstOut);
    await this.interruptOthers(p);
    await p.sink.write(`${await this.leader(p)}${info.name}(${this.joined(known)}${firstOut > 0 ? ', ' : ''}`);
    p.entryItems = known.length;
    p.line = 'open';
    p.sink.printing = p;
  }

  async exit(p: Proc, info: PtraceSyscallInfo): Promise<void> {
    if (p.hidden) return;
    const call = p.call ?? info;
    const shown = p.call ? p.shown : this.filters.trace(info.name);
    const elapsed = p.call ? (await this.sys.clockGettime(1)) - p.startNs : 0n;
    p.call = null;
    if (!shown) return;
    const outcome: Outcome = info.error !== undefined ? { error: info.error } : { value: info.rval };
    if (this.counting) {
      const st = this.stats.get(call.name) ?? { calls: 0, errors: 0, ns: 0n };
      st.calls++;
      if ('error' in outcome) st.errors++;
      st.ns += elapsed;
      this.stats.set(call.name, st);
    }
    if (this.countOnly) return;
    const failed = 'error' in outcome;
    if ((this.status === 'ok' && failed) || (this.status === 'failed' && !failed)) return;
    await this.resolveFds(p, fdResults(call.name, call.args, outcome));
    const o = this.options(p);
    const items = callItems(call.name, call.args, o, outcome);
    let text: string;
    if (p.line === 'open' && p.sink.printing === p) {
      text = this.joined(items.slice(p.entryItems));
    } else if (p.line === 'interrupted') {
      await this.interruptOthers(p);
      text = `${await this.leader(p)}<... ${call.name} resumed>${this.joined(items.slice(p.entryItems))}`;
    } else {
      await this.interruptOthers(p);
      text = `${await this.leader(p)}${call.name}(${this.joined(items)}`;
    }
    await p.sink.write(text);
    p.sink.printing = p;
    let ret = returnText(call.name, call.args, outcome, o);
    if (this.a.has('syscall-times')) ret += ` <${(Number(elapsed) / 1e9).toFixed(6)}>`;
    await this.tail(p, ret);
  }

  async signalled(p: Proc, si: PtraceSigInfo): Promise<void> {
    if (p.hidden || this.countOnly || !this.filters.signals.has(si.signo)) return;
    await this.interruptOthers(p);
    await p.sink.write(`${await this.leader(p)}--- ${sigName(si.signo)} ${siginfoText(si)} ---\n`);
  }

  async exited(p: Proc, status: number): Promise<void> {
    const sink = p.sink;
    if (p.call && p.shown && !this.countOnly && this.status === 'all' && p.line !== 'none') {
      // exit_group, or a call the process died in: its result is `?`.
      const rest = decodedAtEntry(p.call.name, p.call.args, this.format) ? '' : ' <unfinished ...>';
      if (p.line === 'open' && sink.printing === p) await sink.write(rest);
      else {
        await this.interruptOthers(p);
        await sink.write(`${await this.leader(p)}<... ${p.call.name} resumed>${rest}`);
      }
      sink.printing = p;
      await this.tail(p, '?');
    }
    if (!this.countOnly && !p.hidden) {
      let line: string | null = null;
      if (WIFEXITED(status)) line = this.filters.quietExit ? null : `+++ exited with ${WEXITSTATUS(status)} +++`;
      else if (this.filters.signals.has(WTERMSIG(status))) line = `+++ killed by ${sigName(WTERMSIG(status))} ${status & 0x80 ? '(core dumped) ' : ''}+++`;
      if (line) {
        await this.interruptOthers(p);
        await sink.write(`${await this.leader(p)}${line}\n`);
      }
    }
    this.procs.delete(p.pid);
    if (this.separate && sink.fd !== 2) await this.sys.close(sink.fd);
  }

  // ---- the loop ----

  async run(options: number): Promise<void> {
    for (;;) {
      let pid: number;
      let status: number;
      try {
        [pid, status] = await this.sys.wait4(-1, WALL);
      } catch (e) {
        if (isSysError(e, 'ECHILD')) return;
        if (isSysError(e, 'EINTR') && this.interrupted) return this.detachAll();
        if (isSysError(e, 'EINTR')) continue;
        throw e;
      }
      if (this.interrupted) {
        await this.detachAll();
        return;
      }
      let p = this.procs.get(pid);
      if (!WIFSTOPPED(status)) {
        if (pid === this.mainPid) this.mainStatus = status;
        if (p) await this.exited(p, status);
        continue;
      }
      if (!p) {
        // A child of a tracee, traced from its first call on (-f).
        p = await this.addProc(pid, false);
        if (!this.filters.quietAttach) await this.message(`Process ${pid} attached`);
      }
      if (pid === this.mainPid && options) {
        await this.sys.ptrace(PTRACE_SETOPTIONS, pid, 0, options).catch(() => 0);
        options = 0;
      }
      await this.stop(p, status);
    }
  }

  private async stop(p: Proc, status: number): Promise<void> {
    const sig = WSTOPSIG(status);
    // Before PTRACE_O_TRACESYSGOOD is set (the very first stop) a call stops with plain SIGTRAP.
    const info = sig === (SIG.SIGTRAP | 0x80) || sig === SIG.SIGTRAP
      ? await this.sys.ptrace<PtraceSyscallInfo>(PTRACE_GET_SYSCALL_INFO, p.pid).catch(() => null)
      : null;
    if (info?.op === PTRACE_SYSCALL_INFO_ENTRY) await this.entry(p, info);
    else if (info?.op === PTRACE_SYSCALL_INFO_EXIT) await this.exit(p, info);
    else {
      const si = await this.sys.ptrace<PtraceSigInfo>(PTRACE_GETSIGINFO, p.pid).catch(() => null);
      if (si) await this.signalled(p, si);
    }
    await this.resume(p.pid);
  }

  private async resume(pid: number): Promise<void> {
    try {
      await this.sys.ptrace(PTRACE_SYSCALL, pid, 0, 0);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }

  interrupt(): void {
    this.interrupted = true;
  }

  async detachAll(): Promise<void> {
    for (const p of [...this.procs.values()]) {
      try {
        await this.sys.ptrace(PTRACE_DETACH, p.pid, 0, 0);
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
      if (p.line === 'open') await p.sink.write(' <detached ...>\n');
      if (!this.filters.quietAttach) await this.message(`Process ${p.pid} detached`);
      this.procs.delete(p.pid);
    }
  }

  /** -c: the table strace prints at the end. */
  async summary(): Promise<void> {
    const sink = this.sink ?? new Sink(this.sys, 2);
    const rows = [...this.stats].sort((x, y) => {
      if (x[1].ns !== y[1].ns) return x[1].ns > y[1].ns ? -1 : 1;
      return (SYSCALLS.get(x[0])?.nr ?? 1e6) - (SYSCALLS.get(y[0])?.nr ?? 1e6);
    });
    const total = rows.reduce((t, [, s]) => ({ calls: t.calls + s.calls, errors: t.errors + s.errors, ns: t.ns + s.ns }), { calls: 0, errors: 0, ns: 0n });
    const rule = '------ ----------- ----------- --------- --------- ----------------\n';
    const row = (pct: number, s: Stats, name: string): string => {
      const secs = (Number(s.ns) / 1e9).toFixed(6);
      const per = s.calls ? Math.floor(Number(s.ns) / 1000 / s.calls) : 0;
      return `${pct.toFixed(2).padStart(6)} ${secs.padStart(11)} ${String(per).padStart(11)} ${String(s.calls).padStart(9)} ${(s.errors ? String(s.errors) : '').padStart(9)} ${name}\n`;
    };
    let out = '% time     seconds  usecs/call     calls    errors syscall\n' + rule;
    for (const [name, s] of rows) out += row(total.ns > 0n ? (Number(s.ns) * 100) / Number(total.ns) : 0, s, name);
    out += rule + row(100, total, 'total');
    await sink.write(out);
  }
}

async function openOut(sys: Sys, name: string): Promise<number> {
  try {
    return await sys.open(name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666);
  } catch (e) {
    if (!isSysError(e)) throw e;
    throw new Fatal(`strace: Can't fopen '${name}': ${strerror(e.code)}`);
  }
}

/** The command's file, searched in PATH as strace does before it forks. */
async function findCommand(sys: Sys, name: string): Promise<string> {
  const candidates = name.includes('/') ? [name] : (sys.getenv('PATH') ?? '/usr/bin:/bin').split(':').map((d) => `${d || '.'}/${name}`);
  let failure: ErrnoName = 'ENOENT';
  for (const file of candidates) {
    try {
      const st = await sys.stat(file);
      if ((st.mode & 0o170000) === 0o100000 && (name.includes('/') || st.mode & 0o111)) return file;
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (name.includes('/')) failure = e.code;
    }
  }
  throw new Fatal(`strace: Can't stat '${name}': ${strerror(failure)}`);
}

function positive(value: string | undefined, what: string): number {
  const v = value ?? '';
  if (!/^\d+$/.test(v) || Number(v) < 0) throw new Fatal(`strace: invalid ${what} argument: '${v}'`, true);
  return Number(v);
}

export default async function strace(sys: Sys): Promise<number> {
  let a: Parsed;
  try {
    a = parseArgs(meta, sys.argv.slice(1));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    await sys.writeAll(2, `${e.text}\n${TRY}`);
    return 1;
  }
  const first = a.last('help', 'version');
  if (first) {
    // strace prints these unchecked: a failed output is no error.
    await sys.writeAll(1, first === 'help' ? helpText({ ...meta, options: meta.options })
      : "strace -- version 6.1\nThis is cowbox's simulation of strace; it traces through the simulated kernel's ptrace.\n").catch((e: unknown) => {
      if (!isSysError(e)) throw e;
    });
    return 0;
  }
  try {
    return await trace(sys, a);
  } catch (e) {
    if (!(e instanceof Fatal)) throw e;
    await sys.writeAll(2, `${e.text}\n${e.tryHelp ? TRY : ''}`);
    return 1;
  }
}

async function trace(sys: Sys, a: Parsed): Promise<number> {
  if (a.has('string-limit')) positive(a.value('string-limit'), '-s');
  const column = a.has('columns') ? positive(a.value('columns'), '-a') : 40;
  const filters = parseFilters(a);
  const pids = a.values('attach').map((v) => {
    if (!/^\d+$/.test(v) || Number(v) <= 0) throw new Fatal(`strace: Invalid process id: '${v}'`);
    return Number(v);
  });
  if (a.operands.length === 0 && pids.length === 0) throw new Fatal('strace: must have PROG [ARGS] or -p PID', true);
  if (a.has('successful-only') && a.has('failed-only')) {
    await sys.writeAll(2, 'strace: Only the last of -z/--successful-only/-Z/--failed-only options will take effect. See status qualifier for more complex filters.\n');
  }
  const path = a.operands.length ? await findCommand(sys, a.operands[0]!) : '';
  const tracer = new Tracer(sys, a, filters, a.value('output'), column);
  await tracer.openSink();
  const follow = tracer.follow ? PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE : 0;

  // Interrupting strace lets attached processes go; a command strace started is its to finish
  // (^C reaches the command, and strace reports how it ended).
  if (!path) for (const sig of [SIG.SIGINT, SIG.SIGTERM, SIG.SIGHUP, SIG.SIGQUIT]) await sys.sigaction(sig, () => tracer.interrupt());
  for (const pid of pids) {
    try {
      await sys.ptrace(PTRACE_SEIZE, pid, 0, PTRACE_O_TRACESYSGOOD | follow);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await sys.writeAll(2, `strace: attach: ptrace(PTRACE_SEIZE, ${pid}): ${strerror(e.code)}\n`);
      continue;
    }
    await tracer.addProc(pid, false);
    if (!filters.quietAttach) await tracer.message(`Process ${pid} attached`);
  }
  let options = 0;
  if (path) {
    const child = await sys.fork(async (c) => {
      await c.ptrace(PTRACE_TRACEME);
      try {
        return await c.execve(path, a.operands, c.envp);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await c.writeAll(2, `strace: exec: ${strerror(e.code)}\n`);
        return 1;
      }
    });
    for (const sig of [SIG.SIGINT, SIG.SIGQUIT]) await sys.sigaction(sig, 'ignore');
    tracer.mainPid = child;
    options = PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL | follow;
    await tracer.addProc(child, true);
  } else if (tracer.procs.size === 0) {
    return 1;
  }
  await tracer.run(options);
  if (tracer.counting) await tracer.summary();
  const st = tracer.mainStatus;
  if (st === null || WIFEXITED(st)) return st === null ? 0 : WEXITSTATUS(st);
  if (WIFSIGNALED(st)) {
    // The command died of a signal: strace dies of it too, as the shell should see.
    const sig = WTERMSIG(st);
    await sys.sigaction(sig, 'default').catch(() => 'default');
    await sys.kill(await sys.getpid(), sig);
    return 128 + sig;
  }
  return 1;
}
