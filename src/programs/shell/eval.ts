// The evaluator, after dash's eval.c: evaltree walks a parsed list, setting $? after each node,
// running pending traps, and ending the shell where `set -e` says (commands, pipelines and
// subshells not under test in if/while/until/&&/||/!). Subshells, pipeline stages, `&` and
// `$(...)` are forked children working on a copy of the shell; external commands are forked
// and exec'd (or exec'd directly when nothing follows in this process).

import { isSysError, strerror } from '../../abi/errno.ts';
import { O_RDONLY } from '../../abi/open-flags.ts';
import { WIFSIGNALED, WIFSTOPPED, WTERMSIG, shellStatus } from '../../abi/signals.ts';
import type { Sys } from '../../sys/sys.ts';
import type { Node, NodeOf, Word } from './ast.ts';
import type { Builtin } from './builtin-table.ts';
import { bytesToLatin1, fromBytes } from './bytes.ts';
import { ERR_TRAP } from './dialect.ts';
import { ShellError, ShellExit, ShellInterrupt, SyntaxError_ } from './errors.ts';
import { expandArgs, expandAssignment, expandPattern, expandString } from './expand.ts';
import { type Job, type Proc, statusText } from './jobs.ts';
import { Parser } from './parser.ts';
import { findCommand } from './lookup.ts';
import { matchPattern } from './pattern.ts';
import { type ExpandedRedir, applyRedirs, dropSaved, expandRedirs, popRedirs, type SavedFd } from './redirect.ts';
import { forkOrFail, PendingError, SKIP_BREAK, SKIP_CONT, SKIP_FUNC, type Shell } from './shell.ts';
import { evalString } from './run.ts';
import { childSignals, noteForkedShell } from './signals.ts';
import { cmdText } from './cmdtext.ts';
import { enterJob, placeInJob, setForeground } from './jobctl.ts';
import type { Var } from './vars.ts';

export const EV_EXIT = 1;
export const EV_TESTED = 2;

const MAX_FUNCNEST = 1000;
const WUNTRACED = 2;

/** dash's evaltree. */
export async function evaltree(sh: Shell, n: Node | null, flags: number): Promise<number> {
  let checkexit = false;
  let status = sh.status;
  if (n && !(sh.opts.noexec && !sh.interactive)) {
    switch (n.t) {
      case 'not':
        status = (await evaltree(sh, n.body, EV_TESTED)) ? 0 : 1;
        sh.status = status;
        break;
      case 'redir':
        sh.lineno = n.line;
        status = await evalRedirNode(sh, n, flags);
        sh.status = status;
        break;
      case 'cmd':
        checkexit = !(flags & EV_TESTED);
        status = await evalcommand(sh, n, flags);
        sh.status = status;
        break;
      case 'for':
        status = await evalfor(sh, n, flags);
        sh.status = status;
        break;
      case 'while': case 'until':
        status = await evalloop(sh, n, flags);
        sh.status = status;
        break;
      case 'subshell': case 'bg':
        checkexit = !(flags & EV_TESTED);
        status = await evalsubshell(sh, n, flags);
        sh.status = status;
        break;
      case 'pipe':
        checkexit = !(flags & EV_TESTED);
        status = await evalpipe(sh, n, flags, false);
        sh.status = status;
        break;
      case 'case':
        status = await evalcase(sh, n, flags);
        sh.status = status;
        break;
      case 'and': case 'or': case 'semi': {
        status = await evaltree(sh, n.a, n.t === 'semi' ? flags & EV_TESTED : EV_TESTED);
        if (sh.evalskip || (n.t === 'and' && status !== 0) || (n.t === 'or' && status === 0)) break;
        status = await evaltree(sh, n.b, flags);
        sh.status = status;
        break;
      }
      case 'if': {
        status = await evaltree(sh, n.test, EV_TESTED);
        if (sh.evalskip) break;
        if (status === 0) status = await evaltree(sh, n.then, flags);
        else if (n.else) status = await evaltree(sh, n.else, flags);
        else status = 0;
        sh.status = status;
        break;
      }
      case 'defun':
        sh.funcs.set(n.name, { body: n.body });
        status = 0;
        sh.status = 0;
        break;
    }
  }
  await dotrap(sh);
  if (checkexit && status !== 0 && sh.traps.has(ERR_TRAP)) await errTrap(sh);
  if (sh.opts.errexit && checkexit && status !== 0) throw new ShellExit(sh.status);
  if (flags & EV_EXIT) throw new ShellExit(sh.status);
  return sh.status;
}

/** Shells running their ERR trap now: a command failing in it does not run it again. */
const inErrTrap = new WeakSet<Shell>();

/** busybox ash's ERR trap, after a command that `set -e` would end the shell for. */
async function errTrap(sh: Shell): Promise<void> {
  if (inErrTrap.has(sh)) return;
  inErrTrap.add(sh);
  const save = sh.status;
  try {
    await evalString(sh, sh.traps.get(ERR_TRAP)!, 0);
  } finally {
    inErrTrap.delete(sh);
  }
  sh.status = save;
}

/** Let ^C and other processes in during long builtin-only runs. */
async function tick(sh: Shell): Promise<void> {
  if (++sh.ticks >= 1000) {
    sh.ticks = 0;
    await sh.sys.yield();
  }
}

function skiploop(sh: Shell): number {
  let skip = sh.evalskip;
  if (skip === SKIP_BREAK || skip === SKIP_CONT) {
    if (--sh.skipcount <= 0) sh.evalskip = 0;
    else skip = SKIP_BREAK;
  }
  return skip;
}

async function evalloop(sh: Shell, n: NodeOf<'while' | 'until'>, flags: number): Promise<number> {
  sh.loopnest++;
  let status = 0;
  flags &= EV_TESTED;
  try {
    let skip: number;
    do {
      await tick(sh);
      let i = await evaltree(sh, n.test, EV_TESTED);
      skip = skiploop(sh);
      if (skip === SKIP_FUNC) status = i;
      if (skip) continue;
      if (n.t === 'until') i = i ? 0 : 1;
      if (i !== 0) break;
      status = await evaltree(sh, n.body, flags);
      skip = skiploop(sh);
    } while (!(skip & ~SKIP_CONT));
  } finally {
    sh.loopnest--;
  }
  return status;
}

async function evalfor(sh: Shell, n: NodeOf<'for'>, flags: number): Promise<number> {
  sh.lineno = n.line;
  const items = n.words ? await expandArgs(sh, n.words) : [...sh.positional];
  let status = 0;
  sh.loopnest++;
  flags &= EV_TESTED;
  try {
    for (const item of items) {
      await tick(sh);
      await setVarChecked(sh, n.name, item);
      status = await evaltree(sh, n.body, flags);
      if (skiploop(sh) & ~SKIP_CONT) break;
    }
  } finally {
    sh.loopnest--;
  }
  return status;
}

async function evalcase(sh: Shell, n: NodeOf<'case'>, flags: number): Promise<number> {
  sh.lineno = n.line;
  const word = await expandString(sh, n.word);
  for (const item of n.items) {
    if (sh.evalskip) break;
    for (const p of item.patterns) {
      if (matchPattern(await expandPattern(sh, p), word)) {
        if (sh.evalskip === 0 && item.body) return evaltree(sh, item.body, flags);
        return 0;
      }
    }
  }
  return 0;
}

async function evalRedirNode(sh: Shell, n: NodeOf<'redir'>, flags: number): Promise<number> {
  const list = await expandRedirs(sh, n.redirs);
  const saved = await applyRedirs(sh, list, true);
  if (!saved) return sh.dialect.redirStatus;
  try {
    return await evaltree(sh, n.body, flags & EV_TESTED);
  } finally {
    await popRedirs(sh, saved);
  }
}

// ---- processes ------------------------------------------------------------------------------

/**
 * fork(2) a child shell that runs `work` on its own copy of the state and exits with the
 * status `work` leaves in $? (after its EXIT trap, as dash's exitshell does).
 */
export async function forkShell(sh: Shell, work: (child: Shell) => Promise<void>, opts: { bg?: boolean; firstInJob?: boolean; job?: { pgid: number } } = {}): Promise<number> {
  await sh.flushOut();
  const pid = await forkOrFail(sh, async (csys: Sys) => {
    const child = sh.forkCopy(csys);
    noteForkedShell(child);
    if (opts.job && sh.jobctl) await enterJob(child, sh, opts.job.pgid, !opts.bg);
    await childSignals(sh, child, opts.bg === true);
    if (opts.bg && !sh.jobctl && opts.firstInJob) {
      // A background job without job control reads from /dev/null, not the terminal.
      try {
        await csys.close(0);
        await csys.open('/dev/null', O_RDONLY);
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
    }
    return runShellBody(child, () => work(child));
  });
  if (opts.job) await placeInJob(sh, pid, opts.job.pgid);
  return pid;
}

/** Run a (sub)shell's work to its end: errors and `exit` end it, then its EXIT trap runs. */
export async function runShellBody(sh: Shell, work: () => Promise<void>): Promise<number> {
  let status: number;
  try {
    await work();
    status = sh.status;
  } catch (e) {
    status = await statusOfUnwind(sh, e);
  }
  return exitShell(sh, status);
}

/** What status an unwinding error leaves; rethrows anything that is not the shell's own. */
export async function statusOfUnwind(sh: Shell, e: unknown): Promise<number> {
  if (e instanceof ShellExit) return e.status;
  if (e instanceof PendingError) return (await sh.report(e)).status;
  if (e instanceof ShellError) return e.status;
  if (e instanceof SyntaxError_) {
    // Reported outside any builtin, as dash's top level does.
    const save = sh.commandName;
    sh.commandName = null;
    await sh.writeFd(2, `${sh.dialect.syntax(sh, e)}\n`);
    sh.commandName = save;
    return 2;
  }
  if (e instanceof ShellInterrupt) return 130;
  throw e;
}

/** dash's exitshell: the EXIT trap (once), then flush; the status to exit with. */
export async function exitShell(sh: Shell, status: number): Promise<number> {
  const action = sh.traps.get(0);
  if (action !== undefined && !sh.exitTrapRan) {
    sh.exitTrapRan = true;
    sh.traps.delete(0);
    sh.status = status;
    sh.evalskip = 0;
    try {
      await evalString(sh, action, 0);
    } catch (e) {
      if (e instanceof ShellExit) status = e.status;
      else status = await statusOfUnwind(sh, e);
    }
  }
  await sh.flushOut();
  return status;
}

/** Wait for every process of `job`; its status as $? (the last process's). */
export async function waitForJob(sh: Shell, job: Job): Promise<number> {
  try {
    return await waitForJobInner(sh, job);
  } finally {
    if (job.jobctl) await setForeground(sh, 0);
  }
}

async function waitForJobInner(sh: Shell, job: Job): Promise<number> {
  while (job.state === 'running') {
    let pid: number;
    let st: number;
    try {
      [pid, st] = await sh.sys.wait4(-1, job.jobctl ? WUNTRACED : 0);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.code === 'EINTR') continue;
      // ECHILD: nothing left to wait for; treat what is missing as done.
      for (const p of job.procs) if (p.status === null) p.status = 0;
      job.state = 'done';
      break;
    }
    const owner = sh.jobs.record(pid, st);
    if (owner === job) {
      const text = await statusText(st, true);
      if (text) await sh.writeFd(2, `${text}\n`);
    }
  }
  const last = job.procs[job.procs.length - 1]!;
  let status = shellStatus(last.status ?? 0);
  // ash's pipefail: the last stage that failed decides (only ash's option table has it).
  if (sh.opts.pipefail) for (const p of job.procs) if (p.status !== null && shellStatus(p.status)) status = shellStatus(p.status);
  if (job.state === 'stopped') {
    const stopped = job.procs.find((p) => p.status !== null && WIFSTOPPED(p.status));
    status = shellStatus(stopped!.status!);
    // A stopped foreground job becomes a background job the user is told about at the prompt.
    job.bg = true;
  }
  if (job.state === 'done') {
    sh.jobs.remove(job);
    // ^C killed the foreground job: the shell moves to a fresh line, as dash does on SIGINT.
    if (job.jobctl && sh.interactive && last.status !== null && WIFSIGNALED(last.status) && WTERMSIG(last.status) === 2) {
      await sh.writeFd(2, '\n');
    }
  }
  return status;
}

async function evalsubshell(sh: Shell, n: NodeOf<'subshell' | 'bg'>, flags: number): Promise<number> {
  const bg = n.t === 'bg';
  sh.lineno = n.line;
  if (bg && n.body.t === 'pipe') return evalpipe(sh, n.body, flags, true);
  const list = n.t === 'subshell' ? await expandRedirs(sh, n.redirs) : [];
  if (!bg && flags & EV_EXIT && !hasTraps(sh)) {
    // Nothing follows in this process: run the subshell here instead of forking.
    if (!(await applyRedirs(sh, list, false))) throw new ShellExit(sh.dialect.redirStatus);
    await evaltree(sh, n.body, flags);
    throw new ShellExit(sh.status);
  }
  const pid = await forkShell(sh, async (child) => {
    if (!(await applyRedirs(child, list, false))) throw new ShellExit(child.dialect.redirStatus);
    await evaltree(child, n.body, (flags | EV_EXIT) & (bg ? ~EV_TESTED : ~0));
  }, { bg, firstInJob: true, job: { pgid: 0 } });
  const job = sh.jobs.add([{ pid, status: null, cmd: cmdText(n) }], { bg, jobctl: sh.jobctl, cmd: cmdText(n) });
  if (bg) {
    sh.lastBgPid = pid;
    await announceBackground(sh, job);
    return 0;
  }
  return waitForJob(sh, job);
}

async function announceBackground(sh: Shell, job: Job): Promise<void> {
  if (sh.interactive && sh.dialect.announcesBackground) await sh.writeFd(2, `[${job.id}] ${job.procs[job.procs.length - 1]!.pid}\n`);
}

function hasTraps(sh: Shell): boolean {
  for (const [sig, action] of sh.traps) if (action !== '' || sig === 0) return true;
  return false;
}

async function evalpipe(sh: Shell, n: NodeOf<'pipe'>, flags: number, bg: boolean): Promise<number> {
  flags |= EV_EXIT;
  if (bg) flags &= ~EV_TESTED;
  const procs: Proc[] = [];
  let prevfd = -1;
  let pgid = 0;
  for (let i = 0; i < n.cmds.length; i++) {
    const cmd = n.cmds[i]!;
    const last = i === n.cmds.length - 1;
    let pip: [number, number] | null = null;
    if (!last) {
      try {
        pip = await sh.sys.pipe();
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (prevfd >= 0) await sh.sys.close(prevfd);
        throw await sh.fail('Pipe call failed');
      }
    }
    const inFd = prevfd;
    const outPipe = pip;
    const pid = await forkShell(sh, async (child) => {
      if (outPipe) await child.sys.close(outPipe[0]);
      if (inFd > 0) {
        await child.sys.dup2(inFd, 0);
        await child.sys.close(inFd);
      }
      if (outPipe && outPipe[1] > 1) {
        await child.sys.dup2(outPipe[1], 1);
        await child.sys.close(outPipe[1]);
      }
      await evaltree(child, cmd, flags);
    }, { bg, firstInJob: i === 0, job: { pgid } });
    if (i === 0) pgid = pid;
    procs.push({ pid, status: null, cmd: cmdText(cmd) });
    if (prevfd >= 0) await sh.sys.close(prevfd);
    prevfd = pip ? pip[0] : -1;
    if (pip) await sh.sys.close(pip[1]);
  }
  const job = sh.jobs.add(procs, { bg, jobctl: sh.jobctl, cmd: cmdText(n) });
  if (bg) {
    sh.lastBgPid = procs[procs.length - 1]!.pid;
    await announceBackground(sh, job);
    return 0;
  }
  return waitForJob(sh, job);
}

/** $(...): run the body in a child writing to a pipe; the output without trailing newlines. */
export async function runCmdSubst(sh: Shell, body: Node | null): Promise<string> {
  if (!body) {
    sh.backStatus = 0;
    return '';
  }
  await sh.flushOut();
  const [rd, wr] = await sh.sys.pipe();
  const pid = await forkShell(sh, async (child) => {
    await child.sys.close(rd);
    if (wr !== 1) {
      await child.sys.dup2(wr, 1);
      await child.sys.close(wr);
    }
    await evaltree(child, body, EV_EXIT);
  });
  await sh.sys.close(wr);
  const parts: string[] = [];
  try {
    for (;;) {
      let chunk: Uint8Array;
      try {
        chunk = await sh.sys.read(rd, 65536);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (e.code === 'EINTR') continue;
        break;
      }
      if (chunk.length === 0) break;
      parts.push(bytesToLatin1(chunk));
    }
  } finally {
    await sh.sys.close(rd);
  }
  const job = sh.jobs.add([{ pid, status: null, cmd: '' }], { bg: false, jobctl: false });
  sh.backStatus = await waitForJob(sh, job);
  return parts.join('').replace(/\n+$/, '');
}

// ---- simple commands ------------------------------------------------------------------------

type Resolved =
  | { kind: 'builtin'; b: Builtin }
  | { kind: 'func'; body: Node }
  | { kind: 'file'; path: string }
  | { kind: 'none' };

/** Special builtins, then functions, then builtins (POSIX's order; dash's find_command). */
export function resolveBuiltinOrFunc(sh: Shell, name: string, noFunc = false): Resolved | null {
  const b = sh.builtin(name);
  if (b?.special) return { kind: 'builtin', b };
  if (!noFunc) {
    const f = sh.funcs.get(name);
    if (f) return { kind: 'func', body: f.body };
  }
  if (b) return { kind: 'builtin', b };
  return null;
}

async function setVarChecked(sh: Shell, name: string, value: string): Promise<void> {
  try {
    sh.setVar(name, value);
  } catch (e) {
    if (e instanceof PendingError) throw await sh.report(e);
    throw e;
  }
}

async function evalcommand(sh: Shell, cmd: NodeOf<'cmd'>, flags: number): Promise<number> {
  sh.lineno = cmd.line;
  sh.backStatus = 0;
  await tick(sh);
  const argv = cmd.args.length ? await expandArgs(sh, cmd.args) : [];

  // Which command this is decides what a failed redirection or assignment does.
  let spclbltin = false;
  let first: Resolved | null = null;
  if (argv.length > 0) {
    first = resolveBuiltinOrFunc(sh, argv[0]!);
    spclbltin = first?.kind === 'builtin' && first.b.special;
  }

  let saved: SavedFd[] | null = [];
  if (cmd.redirs.length) {
    const list: ExpandedRedir[] = await expandRedirs(sh, cmd.redirs);
    saved = await applyRedirs(sh, list, true);
    if (!saved) {
      if (spclbltin) throw new ShellError(sh.dialect.redirStatus);
      return sh.dialect.redirStatus;
    }
  }
  const keepRedirs = { value: false };
  // Temporary assignments put back when the command ends.
  const temps: Array<[string, Var | undefined]> = [];
  try {
    const permanent = argv.length === 0 || spclbltin;
    const assigned: string[] = [];
    for (const w of cmd.assigns) {
      const { name, value } = await expandAssignment(sh, w);
      if (!permanent) temps.push([name, sh.vars.snapshot(name)]);
      await setVarChecked(sh, name, value);
      if (!permanent) sh.vars.lookup(name)!.exported = true;
      assigned.push(`${name}=${value}`);
    }
    if (sh.opts.xtrace) await xtrace(sh, sh.dialect.traceWords(assigned, argv), saved);
    if (argv.length === 0) return sh.backStatus;

    let target: Resolved = first ?? { kind: 'none' };
    let args = argv;
    // `command name ...` skips functions and takes away special builtins' powers.
    let searchPath: string | undefined;
    let viaPath = !args[0]!.includes('/');
    while (target.kind === 'builtin' && target.b.name === 'command') {
      const at = commandArgs(args);
      if (at === null) break;
      if (at.defaultPath) searchPath = DEFAULT_PATH;
      args = args.slice(at.index);
      viaPath = !args[0]!.includes('/');
      target = resolveBuiltinOrFunc(sh, args[0]!, true) ?? { kind: 'none' };
    }
    if (target.kind === 'none') {
      const path = await findCommand(sh, args[0]!, searchPath);
      if (path === null) {
        await sh.warn(`${args[0]}: not found`);
        return 127;
      }
      target = { kind: 'file', path };
    }
    switch (target.kind) {
      case 'builtin':
        if (target.b.name === 'exec' && args.length === 1) keepRedirs.value = true;
        return await evalbltin(sh, target.b, args, flags, spclbltin);
      case 'func':
        return await evalfun(sh, target.body, args, flags);
      case 'file': {
        const env = sh.vars.environment();
        if (flags & EV_EXIT && !hasTraps(sh)) await shellExec(sh, args, target.path, env, viaPath);
        const path = target.path;
        const pid = await forkShell(sh, async (child) => {
          await shellExec(child, args, path, env, viaPath);
        }, { job: { pgid: 0 } });
        const text = cmdText(cmd);
        const job = sh.jobs.add([{ pid, status: null, cmd: text }], { bg: false, jobctl: sh.jobctl, cmd: text });
        return await waitForJob(sh, job);
      }
    }
    return 0;
  } finally {
    for (let i = temps.length - 1; i >= 0; i--) sh.vars.restore(temps[i]![0], temps[i]![1]);
    if (saved && saved.length) {
      if (keepRedirs.value) await dropSaved(sh, saved);
      else await popRedirs(sh, saved);
    }
  }
}

/** dash's default PATH, for `command -p`. */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * dash's parse_command_args: where the command name starts in `command [-p] [--] name ...`,
 * or null when the `command` builtin itself must run (-v, -V, or no name).
 */
function commandArgs(args: string[]): { index: number; defaultPath: boolean } | null {
  let defaultPath = false;
  let i = 1;
  for (;;) {
    const a = args[i];
    if (a === undefined) return null;
    if (a[0] !== '-' || a === '-') break;
    if (a === '--') {
      i++;
      if (args[i] === undefined) return null;
      break;
    }
    for (const c of a.slice(1)) {
      if (c !== 'p') return null;
      defaultPath = true;
    }
    i++;
  }
  return { index: i, defaultPath };
}

async function xtrace(sh: Shell, line: string, saved: SavedFd[] | null): Promise<void> {
  // A command substitution in PS4 is traced too, which would expand PS4 again, for ever (each
  // level a new process): commands run while PS4 is being expanded are not traced.
  if (sh.expandingPs4) return;
  sh.expandingPs4 = true;
  let ps4: string;
  try {
    ps4 = await expandPrompt(sh, sh.getVar('PS4') ?? '');
  } finally {
    sh.expandingPs4 = false;
  }
  // The trace goes to the shell's own stderr, even when the command's fd 2 is redirected.
  const s2 = saved?.find((s) => s.fd === 2);
  const fd = s2 ? s2.copy : 2;
  if (fd === null) return;
  await sh.flushOut();
  await sh.writeFd(fd, `${ps4}${line}\n`);
}

/** PS1/PS2/PS4: expanded like a here-document body. */
export async function expandPrompt(sh: Shell, text: string): Promise<string> {
  if (!/[$`\\]/.test(text)) return text;
  try {
    const parts = new Parser(text, { final: true }).lx.readExpandingText();
    const word: Word = { parts };
    return await expandString(sh, word, false);
  } catch (e) {
    if (e instanceof SyntaxError_) return text;
    throw e;
  }
}

async function evalbltin(sh: Shell, b: Builtin, argv: string[], flags: number, special: boolean): Promise<number> {
  void flags;
  const saveName = sh.commandName;
  sh.commandName = argv[0]!;
  let status: number;
  try {
    status = await b.fn(sh, argv);
    if (!(await sh.flushOut())) {
      await sh.warn(`${argv[0]}: I/O error`);
      status = 1;
    }
  } catch (e) {
    let err = e;
    if (err instanceof PendingError) err = await sh.report(err);
    if (err instanceof ShellError && !special) {
      await sh.flushOut();
      status = err.status;
    } else throw err;
  } finally {
    sh.commandName = saveName;
  }
  return status;
}

async function evalfun(sh: Shell, body: Node, argv: string[], flags: number): Promise<number> {
  if (sh.funcnest >= MAX_FUNCNEST) throw await sh.fail(`Maximum function recursion depth (${MAX_FUNCNEST}) reached`);
  const saveParams = sh.positional;
  const saveLoopnest = sh.loopnest;
  sh.positional = argv.slice(1);
  sh.loopnest = 0;
  sh.funcnest++;
  sh.localFrames.push({ saved: new Map() });
  // busybox ash runs no ERR trap inside a function unless errtrace (-E) is on.
  const errAction = sh.opts.errtrace ? undefined : sh.traps.get(ERR_TRAP);
  if (errAction !== undefined) sh.traps.delete(ERR_TRAP);
  try {
    await evaltree(sh, body, flags & EV_TESTED);
  } finally {
    if (errAction !== undefined && !sh.traps.has(ERR_TRAP)) sh.traps.set(ERR_TRAP, errAction);
    const frame = sh.localFrames.pop()!;
    for (const [name, old] of [...frame.saved].reverse()) sh.vars.restore(name, old);
    if (frame.opts) sh.opts = frame.opts;
    sh.funcnest--;
    sh.loopnest = saveLoopnest;
    sh.positional = saveParams;
    sh.evalskip &= ~SKIP_FUNC;
  }
  return sh.status;
}

/** Replace this process with the command (dash's shellexec); only returns by throwing. */
export async function shellExec(sh: Shell, argv: string[], path: string, env: string[], viaPath = false): Promise<never> {
  await sh.flushOut();
  const kargv = argv.map(fromBytes);
  const kenv = env.map(fromBytes);
  let err: string;
  try {
    await sh.sys.execve(fromBytes(path), kargv, kenv);
    err = 'EFAULT';
  } catch (e) {
    if (!isSysError(e)) throw e;
    err = e.code;
    if (e.code === 'ENOEXEC') {
      // Not a program and no #!: dash hands the file to /bin/sh.
      try {
        await sh.sys.execve('/bin/sh', ['/bin/sh', fromBytes(path), ...kargv.slice(1)], kenv);
      } catch (e2) {
        if (!isSysError(e2)) throw e2;
        err = e2.code;
      }
    }
  }
  // dash reports a file found on PATH that cannot be run with status 127, as if not found.
  const status = err === 'EACCES' ? (viaPath ? 127 : 126) : err === 'ENOENT' ? 127 : 2;
  const text = err === 'ENOENT' || err === 'ENOTDIR' ? 'not found' : strerror(err as 'EIO');
  throw await sh.fail(`${argv[0]}: ${text}`, status);
}

// ---- traps ----------------------------------------------------------------------------------

const SIGINT = 2;

/** Run the actions of traps whose signals arrived (dash's dotrap). */
export async function dotrap(sh: Shell): Promise<void> {
  // dash's onint: ^C with no trap makes an interactive shell abandon what it is running (a
  // builtin-only loop included) and go back to its prompt.
  if (sh.interactive && !sh.isChild && !sh.traps.has(SIGINT) && sh.pendingSignals.includes(SIGINT)) {
    sh.pendingSignals = sh.pendingSignals.filter((s) => s !== SIGINT);
    throw new ShellInterrupt();
  }
  while (sh.pendingSignals.length) {
    const sig = sh.pendingSignals.shift()!;
    const action = sh.traps.get(sig);
    if (action === undefined || action === '') continue;
    const save = sh.status;
    const saveSkip = sh.evalskip;
    sh.evalskip = 0;
    await evalString(sh, action, 0);
    if (sh.evalskip === 0) sh.evalskip = saveSkip;
    sh.status = save;
  }
}
