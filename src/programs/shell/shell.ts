// One shell process's state: variables, functions, aliases, options, positional parameters,
// traps, jobs and the evaluator's bookkeeping. A forked child (subshell, pipeline stage, `$(...)`,
// `&`) gets a deep copy made by `forkCopy`, so nothing it changes reaches its parent, as after
// fork(2). Messages go out as dash prints them: `sh: LINE: [BUILTIN: ]message`.

import { isSysError } from '../../abi/errno.ts';
import type { Node } from './ast.ts';
import type { Sys } from '../../sys/sys.ts';
import { latin1ToBytes } from './bytes.ts';
import type { Builtin } from './builtin-table.ts';
import { DASH, OPTION_NAMES, type OptionName, type ShellDialect } from './dialect.ts';
import { ShellError } from './errors.ts';
import { Jobs } from './jobs.ts';
import { Vars } from './vars.ts';

export { OPTION_LETTERS, OPTION_NAMES, type OptionName } from './dialect.ts';

/** dash's options, plus what only ash has (pipefail, errtrace; `c` shows in ash's `$-`). */
export type Options = Record<OptionName, boolean> & { pipefail?: boolean; errtrace?: boolean; cmdstring?: boolean };

export const SKIP_BREAK = 1;
export const SKIP_CONT = 2;
export const SKIP_FUNC = 4;

export interface FuncDef {
  body: Node;
}

/** What a function call saves so `local` can put variables back. */
export interface LocalFrame {
  saved: Map<string, ReturnType<Vars['snapshot']>>;
  /** `local -` saved the options. */
  opts?: Options;
}

export class Shell {
  sys: Sys;
  vars = new Vars();
  funcs = new Map<string, FuncDef>();
  aliases = new Map<string, string>();
  opts: Options = Object.fromEntries(OPTION_NAMES.map((n) => [n, false])) as Options;
  positional: string[] = [];
  arg0 = 'sh';
  /** Trap actions by signal number; 0 is EXIT. An empty string means ignore. */
  traps = new Map<number, string>();
  /** Signals caught and not yet acted on. */
  pendingSignals: number[] = [];
  status = 0;
  /** The status of the last command substitution, for commands that are only assignments. */
  backStatus = 0;
  lastBgPid: number | undefined;
  rootPid = 0;
  evalskip = 0;
  skipcount = 0;
  loopnest = 0;
  funcnest = 0;
  localFrames: LocalFrame[] = [];
  /** Line number of what is running, for messages. */
  lineno = 1;
  /** The parser's line (dash's plinno), for errors dash reports as syntax errors at run time. */
  plinno = 1;
  /** The builtin that is running, named in its error messages. */
  commandName: string | null = null;
  /** Whose words the shell speaks (dash's, or busybox ash's), fixed at start. */
  dialect: ShellDialect = DASH;
  /** ash's commandname outside builtins: the script, or the $0 given after `-c CMD`. */
  topName: string | null = null;
  /** The line editor's history, once an interactive shell reads its terminal (ash's `history`). */
  history: { readonly entries: readonly string[] } | null = null;
  /** The logical current directory (dash's curdir), null if unknown. */
  curdir: string | null = null;
  /**
   * The physical directory `pwd -P` prints (dash's physdir): asked of the kernel when unknown
   * (null), then kept until the next cd, so a rename above it shows only after a cd.
   */
  physdir: string | null = null;
  /** Remembered command locations (the `hash` builtin). */
  cmdHash = new Map<string, string>();
  jobs = new Jobs();
  /** True in a forked child: it never returns to a prompt, and exits where dash's child would. */
  isChild = false;
  /** Job control is on: jobs get process groups and the terminal (dash's jobctl). */
  jobctl = false;
  /** The shell's descriptor on its terminal, -1 without job control. */
  ttyfd = -1;
  /** Nesting of `.` files, for `return` at a file's top level. */
  dotDepth = 0;
  /** getopts' next parameter (1-based) and position inside a bundle (-1: none). */
  optind = 1;
  getoptsOff = -1;
  exitTrapRan = false;
  /** Number of commands run since the last yield, to let ^C and other processes in. */
  ticks = 0;
  /** PS4 is being expanded for a trace line (see xtrace): nothing is traced meanwhile. */
  expandingPs4 = false;
  private outBuf: string[] = [];
  private outLen = 0;

  constructor(sys: Sys) {
    this.sys = sys;
  }

  /** The copy a forked child works on. */
  forkCopy(sys: Sys): Shell {
    const c = new Shell(sys);
    c.vars = this.vars.clone();
    c.funcs = new Map(this.funcs);
    c.aliases = new Map(this.aliases);
    c.opts = { ...this.opts };
    c.positional = [...this.positional];
    c.arg0 = this.arg0;
    c.dialect = this.dialect;
    c.topName = this.topName;
    c.history = this.history;
    c.traps = new Map(this.traps);
    c.status = this.status;
    c.backStatus = this.backStatus;
    c.lastBgPid = this.lastBgPid;
    c.rootPid = this.rootPid;
    c.loopnest = this.loopnest;
    c.funcnest = this.funcnest;
    c.localFrames = this.localFrames.map((f) => ({ saved: new Map(f.saved), opts: f.opts ? { ...f.opts } : undefined }));
    c.lineno = this.lineno;
    c.cmdHash = new Map(this.cmdHash);
    c.curdir = this.curdir;
    c.physdir = this.physdir;
    c.jobs = this.jobs.forkCopy();
    c.isChild = true;
    c.ttyfd = this.ttyfd;
    c.dotDepth = this.dotDepth;
    c.optind = this.optind;
    c.getoptsOff = this.getoptsOff;
    c.expandingPs4 = this.expandingPs4;
    return c;
  }

  /** The builtin `name` of this shell's dialect. */
  builtin(name: string): Builtin | undefined {
    return this.dialect.builtin(name);
  }

  get interactive(): boolean {
    return this.opts.interactive;
  }

  /** `$-`: option letters in dash's (reversed) order. */
  optionLetters(): string {
    const defs = this.dialect.options;
    let s = '';
    for (let i = defs.length - 1; i >= 0; i--) if (this.opts[defs[i]!.key]) s += defs[i]!.letter;
    return s;
  }

  // ---- variables --------------------------------------------------------------------------

  getVar(name: string): string | undefined {
    return this.vars.get(name);
  }

  /** Assign, failing as dash does on a readonly variable. */
  setVar(name: string, value: string, flags: { exported?: boolean; readonly?: boolean } = {}): void {
    const v = this.vars.lookup(name);
    if (v?.readonly) this.error(`${name}: is read only`);
    const exported = flags.exported || this.opts.allexport;
    this.vars.set(name, value, { exported, readonly: flags.readonly });
    if (name === 'OPTIND') {
      // dash's getoptsreset: OPTIND must be a number.
      if (!/^[0-9]+$/.test(value)) this.error(`Illegal number: ${value}`);
      this.optind = Number(value);
      this.getoptsOff = -1;
    }
    if (name === 'PATH') this.cmdHash.clear();
  }

  get ifs(): string {
    return this.vars.get('IFS') ?? ' \t\n';
  }

  // ---- messages ---------------------------------------------------------------------------

  private prefix(): string {
    return this.dialect.prefix(this, this.lineno);
  }

  /** Print a message the way dash's sh_warnx does (in the dialect's words). */
  async warn(msg: string): Promise<void> {
    await this.flushOut();
    await this.writeFd(2, `${this.prefix()}${this.dialect.words(msg, this)}\n`);
  }

  /** A message at another line (dash's errors raised with the parser's line). */
  async warnAt(line: number, msg: string): Promise<void> {
    const save = this.lineno;
    this.lineno = line;
    try {
      await this.warn(msg);
    } finally {
      this.lineno = save;
    }
  }

  /**
   * A fatal error (dash's sh_error) from synchronous code: the nearest asynchronous caller
   * turns it into a printed message and a ShellError with `report`, before any fd changes.
   */
  error(msg: string, status = 2): never {
    throw new PendingError(`${this.prefix()}${this.dialect.words(msg, this)}\n`, status);
  }

  /** Print a pending error's message now; the caller throws the ShellError returned. */
  async report(e: PendingError): Promise<ShellError> {
    await this.flushOut();
    await this.writeFd(2, e.text);
    return new ShellError(e.status);
  }

  /** Print a fatal error now: `throw await sh.fail(msg)`. */
  async fail(msg: string, status = 2): Promise<ShellError> {
    await this.warn(msg);
    return new ShellError(status);
  }

  // ---- output -----------------------------------------------------------------------------

  /** Buffered standard output for builtins (dash's out1), flushed when each builtin ends. */
  out(s: string): void {
    this.outBuf.push(s);
    this.outLen += s.length;
  }

  /** Write what builtins buffered; returns false when the write failed (dash's outerr). */
  async flushOut(): Promise<boolean> {
    if (this.outLen === 0) {
      this.outBuf.length = 0;
      return true;
    }
    const text = this.outBuf.length === 1 ? this.outBuf[0]! : this.outBuf.join('');
    this.outBuf = [];
    this.outLen = 0;
    return this.writeFd(1, text);
  }

  discardOut(): void {
    this.outBuf = [];
    this.outLen = 0;
  }

  /** Write a byte string to `fd`; false on failure (EBADF, EPIPE...). */
  async writeFd(fd: number, text: string): Promise<boolean> {
    try {
      await this.sys.writeAll(fd, latin1ToBytes(text));
      return true;
    } catch (e) {
      if (!isSysError(e)) throw e;
      return false;
    }
  }
}

/**
 * A fatal error raised synchronously deep in expansion or a builtin; converted to a printed
 * message and a ShellError by the evaluator (printing needs a system call, hence async).
 */
export class PendingError extends Error {
  constructor(readonly text: string, readonly status: number) {
    super(text);
    this.name = 'PendingError';
  }
}

/**
 * fork(2), or dash's fatal `Cannot fork` when the kernel refuses (pids.max reached, no memory):
 * a script ends with status 2, an interactive shell prints it and reads the next command.
 */
export async function forkOrFail(sh: Shell, child: (csys: Sys) => Promise<number>): Promise<number> {
  try {
    return await sh.sys.fork(child);
  } catch (e) {
    if (!isSysError(e) || (e.code !== 'EAGAIN' && e.code !== 'ENOMEM')) throw e;
    throw await sh.fail(sh.dialect.forkFailed(e.code));
  }
}
