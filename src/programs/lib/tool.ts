// The frame every userland program runs in: parse the command line from the program's metadata
// (answering --help, --version and usage errors as GNU tools do), give the body a buffered
// standard output and message helpers, and flush before the exit status is returned. A failed
// write of that output ends the program with GNU's "write error" message and its exit_failure
// status, or with the words the program gives (`tool.writeError`).

import { isSysError, strerror, type SysError, isOutputFailure } from '../../abi/errno.ts';
import { utf8Encode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { helpText, versionText } from './help.ts';
import type { ProgramMeta } from './meta.ts';
import { parseArgs, UsageError, type Parsed } from './options.ts';

/** A write to standard output failed (EPIPE with SIGPIPE ignored, ENOSPC...). */
export class WriteError extends Error {
  constructor(readonly failure: unknown) {
    super('write error');
  }
}

/** Standard output collected into 64 KiB writes: a pipe sees few, large writes, as with stdio. */
export class Output {
  private parts: Uint8Array[] = [];
  private size = 0;
  constructor(private readonly sys: Sys, private readonly fd = 1, private readonly limit = 65536) {}

  async write(data: string | Uint8Array): Promise<void> {
    const bytes = typeof data === 'string' ? utf8Encode(data) : data;
    if (bytes.length === 0) return;
    this.parts.push(bytes);
    this.size += bytes.length;
    if (this.size >= this.limit) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const all = this.parts.length === 1 ? this.parts[0]! : concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    try {
      await this.sys.writeAll(this.fd, all);
    } catch (e) {
      throw isSysError(e) ? new WriteError(e) : e;
    }
  }
}

/** The SysError behind a failed write of standard output, or undefined when `e` is something else. */
export function outputFailure(e: unknown): SysError | undefined {
  if (e instanceof WriteError) return isSysError(e.failure) ? e.failure : undefined;
  return isOutputFailure(e) ? e : undefined;
}

/**
 * "NAME: write error[: strerror]" on standard error, as close_stdout (or, with `plain`, a tool's
 * own write_error) says it. A failing standard error is not reported, as nowhere is left to.
 */
export async function reportWriteError(sys: Sys, name: string, failure: SysError, plain = false): Promise<void> {
  try {
    await sys.writeAll(2, `${name}: write error${plain ? '' : `: ${strerror(failure.code)}`}\n`);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
}

/**
 * For programs outside runTool: run `main`, and answer a write of standard output that fails in
 * it as close_stdout does ("NAME: write error: strerror", `status`), or as `onFailure` says.
 */
export async function guardOutput(
  sys: Sys, name: string, status: number, main: () => Promise<number>,
  onFailure?: (failure: SysError) => Promise<number>,
): Promise<number> {
  try {
    return await main();
  } catch (e) {
    const failure = outputFailure(e);
    if (!failure) throw e;
    if (onFailure) return onFailure(failure);
    await reportWriteError(sys, name, failure);
    return status;
  }
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Another family's words for one process's run: busybox sets it on its Sys before it calls the
 * applet's entry, so the tools it shares with GNU answer in busybox's formats and messages. Kept
 * per Sys (one process), never in module state, since processes share the loaded modules.
 */
export interface Dialect {
  name: 'busybox';
  /** The applet's usage text (a usage error prints it after the message), or undefined. */
  usage(applet: string): string | undefined;
  /** The status a usage error gives (busybox's grep and sort: 2; the rest 1). */
  usageStatus(applet: string): number;
  /**
   * How the applet meets a failed write of standard output: the message (null: none) and the
   * status, given the status the applet would have ended with. Undefined keeps the frame's.
   */
  writeError?(applet: string, failure: SysError, status: number): { message: string | null; status: number } | undefined;
}

const dialects = new WeakMap<Sys, Dialect>();

export function setDialect(sys: Sys, dialect: Dialect): void {
  dialects.set(sys, dialect);
}

export function dialectOf(sys: Sys): Dialect | undefined {
  // A Sys with a rewritten argv (lib/argv.ts) inherits from the process's own.
  for (let s: object | null = sys; s; s = Object.getPrototypeOf(s) as object | null) {
    const d = dialects.get(s as Sys);
    if (d) return d;
  }
  return undefined;
}

/** Whether this process runs as a busybox applet. */
export function isBusybox(sys: Sys): boolean {
  return dialectOf(sys)?.name === 'busybox';
}

export class Tool {
  readonly out: Output;
  /** Set by error helpers; the status a program returns when it carried on after an error. */
  status = 0;
  /**
   * What a failed write of standard output does: report it and give the status the run ends
   * with. Close_stdout's words and the program's exit_failure unless the program sets its own.
   */
  writeError: (failure: SysError, atExit: boolean) => Promise<number> = async (failure) => {
    const own = dialectOf(this.sys)?.writeError?.(this.name, failure, this.status);
    if (own) {
      if (own.message !== null) await this.sys.writeAll(2, own.message).catch((e: unknown) => {
        if (!isSysError(e)) throw e;
      });
      return own.status;
    }
    await reportWriteError(this.sys, this.name, failure);
    return this.meta.exitFailure ?? 1;
  };

  constructor(readonly sys: Sys, readonly meta: ProgramMeta, readonly args: Parsed) {
    this.out = new Output(sys);
  }

  get name(): string {
    return this.meta.name;
  }

  /**
   * The tool's own words for a failed output: `midRun` for a write that fails while the body
   * runs (a tool's checked fwrite, a full buffer), `atExit` for the last flush; each gets the
   * strerror text and returns the whole of what goes to standard error. One left out keeps
   * close_stdout's words. The status stays the tool's exit_failure. These are GNU's words: a
   * busybox applet keeps its own.
   */
  wordWriteError(words: { midRun?: (err: string) => string; atExit?: (err: string) => string }): void {
    if (this.busybox) return;
    const closeStdout = this.writeError;
    this.writeError = async (failure, atExit) => {
      const say = atExit ? words.atExit : words.midRun;
      if (!say) return closeStdout(failure, atExit);
      await this.sys.writeAll(2, say(strerror(failure.code))).catch((e: unknown) => {
        if (!isSysError(e)) throw e;
      });
      return this.meta.exitFailure ?? 1;
    };
  }

  /**
   * A failed output says "NAME: write error" alone, as tools that test ferror themselves do (wc,
   * md5sum): errno is gone by then. A closed stdout (EBADF) fails the close too, whose errno shows.
   */
  plainWriteError(): void {
    if (this.busybox) return;
    const closeStdout = this.writeError;
    this.writeError = async (failure, atExit) => {
      if (failure.code === 'EBADF') return closeStdout(failure, atExit);
      await reportWriteError(this.sys, this.name, failure, true);
      return this.meta.exitFailure ?? 1;
    };
  }

  /** Running as a busybox applet: busybox's formats and messages where they differ from GNU's. */
  get busybox(): boolean {
    return isBusybox(this.sys);
  }

  /** "NAME: message" on standard error; marks the run as failed with `status`. */
  async error(message: string, status = 1): Promise<void> {
    this.status = Math.max(this.status, status);
    await this.sys.writeAll(2, `${this.name}: ${message}\n`);
  }

  /** "NAME: what: strerror" for a failed system call; rethrows anything that is not one. */
  async sysError(e: unknown, what: string, status = 1): Promise<void> {
    if (!isSysError(e)) throw e;
    await this.error(`${what}: ${strerror(e.code)}`, status);
  }

  /**
   * Close a standard input the tool read, as GNU's tools do at the end, reporting a failure as
   * "NAME: what: strerror" (a closed stdin meets EBADF twice: at the read and here).
   */
  async closeStdin(what = '-'): Promise<void> {
    try {
      await this.sys.close(0);
    } catch (e) {
      // error() flushes standard output before it speaks.
      await this.out.flush();
      await this.sysError(e, what);
    }
  }

  /** A usage error: the message, GNU's "Try" line, and the program's usage status. */
  async usage(message: string): Promise<number> {
    const dialect = dialectOf(this.sys);
    // busybox answers an operand error (missing, extra) with its usage alone.
    if (dialect) return dialectUsage(this.sys, dialect, this.meta, null);
    await this.sys.writeAll(2, `${message}\n${tryHelp(this.meta)}`);
    return this.meta.usageStatus ?? 1;
  }
}

/** A dialect's usage error: the message (if any), then the applet's usage, with its status. */
async function dialectUsage(sys: Sys, dialect: Dialect, meta: ProgramMeta, message: string | null): Promise<number> {
  await sys.writeAll(2, `${message === null ? '' : `${message}\n`}${dialect.usage(meta.name) ?? ''}`);
  return dialect.usageStatus(meta.name);
}

/**
 * For programs that parse their own command line: under a dialect, print its usage error (the
 * message, if any, then the usage) and give its status; null when the run has no dialect.
 */
export async function dialectUsageError(sys: Sys, applet: string, message: string | null): Promise<number | null> {
  const dialect = dialectOf(sys);
  if (!dialect) return null;
  await sys.writeAll(2, `${message === null ? '' : `${message}\n`}${dialect.usage(applet) ?? ''}`);
  return dialect.usageStatus(applet);
}

export function tryHelp(meta: ProgramMeta): string {
  return meta.style === 'busybox' ? '' : `Try '${meta.name} --help' for more information.\n`;
}

/**
 * Run a program body inside the frame. `body` returns the exit status (or undefined to use the
 * status its error helpers set).
 */
export async function runTool(sys: Sys, meta: ProgramMeta, body: (tool: Tool) => Promise<number | void>): Promise<number> {
  const dialect = dialectOf(sys);
  let args: Parsed;
  try {
    // busybox's applets know no --help/--version of their own: busybox answers `APPLET --help`.
    // Its getopt names the program as typed (argv[0]), as busybox's does.
    args = dialect ? parseArgs({ ...meta, standardOptions: false }, sys.argv.slice(1), { name: sys.argv[0] }) : parseArgs(meta, sys.argv.slice(1));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (dialect) return dialectUsage(sys, dialect, meta, e.text);
    await sys.writeAll(2, `${e.text}\n${tryHelp(meta)}`);
    return meta.usageStatus ?? 1;
  }
  if (meta.standardOptions !== false && !dialect) {
    const first = args.last('--help', '--version');
    if (first === '--help' || first === '--version') {
      try {
        await sys.writeAll(1, first === '--help' ? helpText(meta) : versionText(meta));
      } catch (e) {
        const failure = outputFailure(e);
        if (!failure) throw e;
        if (quietEpipe(meta, failure)) return 0;
        await reportWriteError(sys, meta.name, failure, meta.helpWriteError === 'plain' || (meta.helpWriteError === 'plain-help' && first === '--help'));
        return meta.exitFailure ?? 1;
      }
      return 0;
    }
  }
  const tool = new Tool(sys, meta, args);
  let status: number | void;
  try {
    status = await body(tool);
  } catch (e) {
    // A write failed while the body ran (a full buffer, or a tool that writes as it goes).
    const failure = outputFailure(e);
    if (!failure) throw e;
    if (quietEpipe(meta, failure)) return tool.status;
    return tool.writeError(failure, false);
  }
  try {
    await tool.out.flush();
  } catch (e) {
    // As close_stdout reports it: the output could not be written, whatever the body did.
    const failure = outputFailure(e);
    if (!failure) throw e;
    if (quietEpipe(meta, failure)) return status ?? tool.status;
    return tool.writeError(failure, true);
  }
  return status ?? tool.status;
}

/**
 * util-linux's and procps's close_stdout take a closed pipe (SIGPIPE ignored) for no error, and
 * util-linux's a stdout closed before it ran (EBADF) too.
 */
function quietEpipe(meta: ProgramMeta, failure: SysError): boolean {
  if (failure.code === 'EBADF') return meta.style === 'util-linux';
  return failure.code === 'EPIPE' && (meta.style === 'util-linux' || meta.style === 'procps');
}
