// The frame every userland program runs in: parse the command line from the program's metadata
// (answering --help, --version and usage errors as GNU tools do), give the body a buffered
// standard output and message helpers, and flush before the exit status is returned. A failed
// write of that output ends the program with GNU's "write error" message and status 1.

import { isSysError, strerror } from '../../abi/errno.ts';
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

  constructor(readonly sys: Sys, readonly meta: ProgramMeta, readonly args: Parsed) {
    this.out = new Output(sys);
  }

  get name(): string {
    return this.meta.name;
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
    if (first === '--help') {
      await sys.writeAll(1, helpText(meta));
      return 0;
    }
    if (first === '--version') {
      await sys.writeAll(1, versionText(meta));
      return 0;
    }
  }
  const tool = new Tool(sys, meta, args);
  try {
    let status: number | void;
    try {
      status = await body(tool);
    } finally {
      await tool.out.flush();
    }
    return status ?? tool.status;
  } catch (e) {
    // As close_stdout reports it: the output could not be written, whatever the body did.
    if (!(e instanceof WriteError)) throw e;
    await tool.sysError(e.failure, 'write error');
    return 1;
  }
}
