// xargs (GNU findutils 4.9): build command lines from standard input (or -a FILE) and run them.
// Items are blank- or newline-separated with quotes and backslashes as GNU reads them, or
// NUL- (-0) or DELIM-separated (-d) taken literally; -n, -L, -I and -s decide how many go in
// one command line. Exit status: 123 if some command failed, 124 if one exited 255, 125 if one
// was killed, 126/127 if the command could not be run. -P runs the commands one at a time.

import { isSysError, strerror, SysError } from '../../abi/errno.ts';
import { O_CLOEXEC, O_RDONLY } from '../../abi/open-flags.ts';
import { WEXITSTATUS, WIFEXITED, WTERMSIG } from '../../abi/signals.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { runTool, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'xargs', package: 'GNU findutils', version: '4.9.0',
  usage: ['[OPTION]... COMMAND [INITIAL-ARGS]...'],
  summary: 'Run COMMAND with INITIAL-ARGS and more arguments read from standard input (echo when no COMMAND is given).',
  stopAtOperand: true,
  options: [
    { short: '0', long: 'null', help: 'items end with a NUL byte; quotes and backslashes are not special' },
    { short: 'a', long: 'arg-file', arg: 'required', argName: 'FILE', help: 'read arguments from FILE, not standard input' },
    { short: 'd', long: 'delimiter', arg: 'required', argName: 'CHARACTER', help: 'items end with CHARACTER; quotes and backslashes are not special' },
    { short: 'E', arg: 'required', argName: 'END', help: 'stop reading at an item equal to END' },
    { short: 'e', long: 'eof', arg: 'optional', argName: 'END', key: 'E', help: 'the same as -E END (no END: no end-of-file string)' },
    { short: 'I', arg: 'required', argName: 'R', help: 'replace R in INITIAL-ARGS with each input line (one command per line)' },
    { short: 'i', long: 'replace', arg: 'optional', argName: 'R', key: 'i', help: 'the same as -I R, with {} when R is not given' },
    { short: 'L', long: 'max-lines', arg: 'required', argName: 'MAX-LINES', help: 'use at most MAX-LINES non-blank input lines per command line' },
    { short: 'l', arg: 'optional', argName: 'MAX-LINES', key: 'l', help: 'the same as -L, 1 when not given' },
    { short: 'n', long: 'max-args', arg: 'required', argName: 'MAX-ARGS', help: 'use at most MAX-ARGS arguments per command line' },
    { short: 'P', long: 'max-procs', arg: 'required', argName: 'MAX-PROCS', help: 'accepted; commands still run one at a time here' },
    { short: 'r', long: 'no-run-if-empty', help: 'do not run COMMAND when there are no arguments' },
    { short: 's', long: 'max-chars', arg: 'required', argName: 'MAX-CHARS', help: 'limit the length of a command line to MAX-CHARS' },
    { long: 'show-limits', help: 'print the limits on command-line length' },
    { short: 't', long: 'verbose', help: 'print each command line on standard error before running it' },
    { short: 'x', long: 'exit', help: 'exit if a command line would be longer than the size limit' },
    { long: 'process-slot-var', arg: 'required', argName: 'VAR', help: 'set VAR to a process slot number in each child' },
  ],
};

const DEFAULT_SIZE = 131072;

class Abort extends Error {
  constructor(readonly status: number) {
    super('abort');
  }
}

/** An unmatched quote: GNU runs what it has gathered, then says so and exits 1. */
class QuoteError extends Error {
  constructor(readonly which: string) {
    super(which);
  }
}

/** Streams bytes from a descriptor, one at a time, in 64 KiB reads. */
class ByteReader {
  private buf: Uint8Array = new Uint8Array(0);
  private pos = 0;
  private eof = false;
  /** A read that failed (a directory, a closed stdin) ends the input, as getc's EOF does. */
  failure: SysError | null = null;
  constructor(private readonly sys: Sys, private readonly fd: number) {}

  async next(): Promise<number> {
    if (this.pos >= this.buf.length) {
      if (this.eof) return -1;
      try {
        this.buf = await this.sys.read(this.fd, 65536);
      } catch (e) {
        if (!isSysError(e)) throw e;
        this.failure = e;
        this.buf = new Uint8Array(0);
      }
      this.pos = 0;
      if (this.buf.length === 0) {
        this.eof = true;
        return -1;
      }
    }
    return this.buf[this.pos++]!;
  }
}

interface Item {
  text: string;
  /** The item ends its input line (for -L). */
  endsLine: boolean;
}

const BLANK = (c: number): boolean => c === 32 || c === 9;

export default function xargs(sys: Sys): Promise<number> {
  return runTool(sys, meta, (tool) => main(tool));
}

async function main(tool: Tool): Promise<number> {
  const { sys, args } = tool;
  let maxArgs: number | null = null;
  let maxLines: number | null = null;
  let replace: string | null = null;
  let size = DEFAULT_SIZE;
  let eofStr: string | null = null;
  let delim: number | null = null;
  const num = async (opt: string, v: string, min: number): Promise<number | null> => {
    if (!/^\d+$/.test(v)) {
      await tool.error(`invalid number "${v}" for -${opt} option`);
      await sys.writeAll(2, `Try 'xargs --help' for more information.\n`);
      return null;
    }
    const n = Number(v);
    if (n < min) {
      await tool.error(`value ${v} for -${opt} option should be >= ${min}`);
      await sys.writeAll(2, `Try 'xargs --help' for more information.\n`);
      return null;
    }
    return n;
  };
  for (const o of args.options) {
    switch (o.key) {
      case 'null': delim = 0; break;
      case 'delimiter': {
        const d = parseDelim(o.value!);
        if (d === null) {
          await tool.error(`Invalid input delimiter specification ${o.value}: the delimiter must be either a single character or an escape sequence starting with \\.`);
          return 1;
        }
        delim = d;
        break;
      }
      case 'E': eofStr = o.value ?? null; break;
      case 'I':
        replace = o.value!;
        maxLines = null;
        maxArgs = null;
        break;
      case 'i':
        replace = o.value ?? '{}';
        maxLines = null;
        maxArgs = null;
        break;
      case 'max-lines':
      case 'l': {
        const n = o.value === undefined ? 1 : await num(o.key === 'l' ? 'l' : 'L', o.value, 1);
        if (n === null) return 1;
        if (maxArgs !== null) await tool.error('warning: options --max-args and -L are mutually exclusive, ignoring previous --max-args value');
        maxLines = n;
        maxArgs = null;
        replace = null;
        break;
      }
      case 'max-args': {
        const n = await num('n', o.value!, 1);
        if (n === null) return 1;
        if (maxLines !== null) await tool.error('warning: options --max-lines and --max-args are mutually exclusive, ignoring previous --max-lines value');
        maxArgs = n;
        maxLines = null;
        break;
      }
      case 'max-procs': {
        const n = await num('P', o.value!, 0);
        if (n === null) return 1;
        break;
      }
      case 'max-chars': {
        const n = await num('s', o.value!, 1);
        if (n === null) return 1;
        size = n;
        break;
      }
    }
  }
  tool.status = 0;
  const verbose = args.has('verbose');
  const noRunEmpty = args.has('no-run-if-empty');
  const exitOnSize = args.has('exit') || replace !== null;
  const command = args.operands.length ? args.operands : ['echo'];
  if (args.has('show-limits')) {
    await sys.writeAll(2, `Your environment variables take up ${sys.envp.reduce((n, e) => n + e.length + 1, 0)} bytes\nPOSIX upper limit on argument length (this system): 2092096\nPOSIX smallest allowable upper limit on argument length (all systems): 4096\nMaximum length of command we could actually use: ${DEFAULT_SIZE}\nSize of command buffer we are actually using: ${size}\nMaximum parallelism (--max-procs must be no greater): 2147483647\n\n`);
  }

  let fd = 0;
  const argFile = args.value('arg-file');
  if (argFile !== undefined && argFile !== '-') {
    try {
      fd = await sys.open(argFile, O_RDONLY | O_CLOEXEC);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await tool.error(`Cannot open input file ${quote(argFile)}: ${strerror(e.code)}`);
      return 1;
    }
  }
  const bytes = new ByteReader(sys, fd);
  const reader = new Tokenizer(bytes, delim, replace !== null);
  // Closing the input at the end reports a stream that failed: the errno words only when the
  // close itself fails too (EBADF).
  const finish = async (st: number): Promise<number> => {
    if (!bytes.failure) return st;
    await tool.error(bytes.failure.code === 'EBADF' ? `error closing file: ${strerror('EBADF')}` : 'error closing file');
    return 1;
  };
  let status = 0;
  const runCmd = async (argv: string[]): Promise<void> => {
    if (verbose) await sys.writeAll(2, `${argv.map(traceWord).join(' ')}\n`);
    const st = await execute(sys, argv);
    if (st.kind === 'exit') {
      if (st.code === 255) {
        await tool.error(`${argv[0]}: exited with status 255; aborting`);
        throw new Abort(124);
      }
      if (st.code !== 0) status = 123;
    } else if (st.kind === 'signal') {
      await tool.error(`${argv[0]}: terminated by signal ${st.sig}`);
      throw new Abort(125);
    } else {
      await tool.error(`${argv[0]}: ${strerror(st.err.code)}`);
      throw new Abort(st.err.code === 'ENOENT' ? 127 : 126);
    }
  };
  const baseSize = command.reduce((n, a) => n + byteLength(a) + 1, 0);
  let batch: string[] = [];
  const pending = (): string[] => (replace === null ? batch : []);
  try {
    if (replace !== null) {
      // One command per input line, with every R in the initial arguments replaced.
      for (;;) {
        const line = await reader.line();
        if (line === null) break;
        if (eofStr !== null && line === eofStr) break;
        const argv = command.map((a) => a.split(replace!).join(line));
        const len = argv.reduce((n, a) => n + byteLength(a) + 1, 0);
        if (len > size) {
          await tool.error('argument line too long');
          throw new Abort(1);
        }
        await runCmd(argv);
      }
      return finish(status);
    }
    batch = [];
    let batchSize = baseSize;
    let lines = 0;
    let ranOnce = false;
    const flush = async (): Promise<void> => {
      await runCmd([...command, ...batch]);
      ranOnce = true;
      batch = [];
      batchSize = baseSize;
      lines = 0;
    };
    for (;;) {
      const item = await reader.item();
      if (item === null) break;
      if (eofStr !== null && item.text === eofStr && delim === null) break;
      const len = byteLength(item.text) + 1;
      if (batchSize + len > size) {
        if (batch.length === 0 || exitOnSize) {
          if (exitOnSize && batch.length > 0) {
            await tool.error('argument line too long');
            throw new Abort(1);
          }
          await tool.error(exitOnSize ? 'argument line too long' : 'cannot fit single argument within argument list size limit');
          throw new Abort(1);
        }
        await flush();
      }
      batch.push(item.text);
      batchSize += len;
      if (item.endsLine) lines++;
      if (maxArgs !== null && batch.length >= maxArgs) await flush();
      else if (maxLines !== null && lines >= maxLines) await flush();
    }
    if (batch.length > 0 || (!ranOnce && !noRunEmpty)) await flush();
  } catch (e) {
    if (e instanceof QuoteError) {
      try {
        if (pending().length > 0) await runCmd([...command, ...pending()]);
      } catch (e2) {
        if (e2 instanceof Abort) return e2.status;
        throw e2;
      }
      await tool.error(`unmatched ${e.which} quote; by default quotes are special to xargs unless you use the -0 option`);
      return 1;
    }
    if (e instanceof Abort) return e.status;
    throw e;
  }
  return finish(status);
}

function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

/** -t's rendering of an argument: shell-quoted only when it has to be. */
function traceWord(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : quote(s);
}

function parseDelim(s: string): number | null {
  if (s.length === 1) return s.charCodeAt(0);
  if (s[0] !== '\\') return null;
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
  if (s.length === 2 && simple[s[1]!] !== undefined) return simple[s[1]!]!;
  if (/^\\x[0-9A-Fa-f]{1,2}$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^\\0[0-7]{0,3}$/.test(s) || /^\\[0-7]{1,3}$/.test(s)) return parseInt(s.slice(1), 8) & 255;
  return null;
}

/** Reads items the three ways xargs knows: quoted words, NUL/DELIM pieces, whole lines (-I). */
class Tokenizer {
  private back = -2;
  constructor(private readonly r: ByteReader, private readonly delim: number | null, _lines: boolean) {}

  private async get(): Promise<number> {
    if (this.back !== -2) {
      const c = this.back;
      this.back = -2;
      return c;
    }
    return this.r.next();
  }

  private unget(c: number): void {
    this.back = c;
  }

  async item(): Promise<Item | null> {
    if (this.delim !== null) {
      let c = await this.get();
      if (c < 0) return null;
      const bytes: number[] = [];
      while (c >= 0 && c !== this.delim) {
        bytes.push(c);
        c = await this.get();
      }
      return { text: utf8Decode(Uint8Array.from(bytes)), endsLine: true };
    }
    let c = await this.get();
    while (c >= 0 && (BLANK(c) || c === 10)) c = await this.get();
    if (c < 0) return null;
    const bytes: number[] = [];
    let quoteCh = 0;
    for (;;) {
      if (quoteCh) {
        if (c < 0 || c === 10) throw new QuoteError(quoteCh === 39 ? 'single' : 'double');
        if (c === quoteCh) quoteCh = 0;
        else bytes.push(c);
        c = await this.get();
        continue;
      }
      if (c < 0) return { text: utf8Decode(Uint8Array.from(bytes)), endsLine: true };
      if (c === 10) return { text: utf8Decode(Uint8Array.from(bytes)), endsLine: true };
      if (BLANK(c)) {
        // Blanks end the item; blanks at the end of a line let the line go on (for -L).
        let d = await this.get();
        while (d >= 0 && BLANK(d)) d = await this.get();
        const text = utf8Decode(Uint8Array.from(bytes));
        if (d < 0) return { text, endsLine: true };
        if (d === 10) return { text, endsLine: false };
        this.unget(d);
        return { text, endsLine: false };
      }
      if (c === 39 || c === 34) quoteCh = c;
      else if (c === 92) {
        const d = await this.get();
        if (d >= 0) bytes.push(d);
      } else bytes.push(c);
      c = await this.get();
    }
  }

  /** -I: a whole line (leading blanks dropped), quotes and backslashes still processed. */
  async line(): Promise<string | null> {
    if (this.delim !== null) {
      const it = await this.item();
      return it ? it.text : null;
    }
    let c = await this.get();
    for (;;) {
      while (c >= 0 && BLANK(c)) c = await this.get();
      if (c !== 10) break;
      c = await this.get();
    }
    if (c < 0) return null;
    const bytes: number[] = [];
    let quoteCh = 0;
    for (;;) {
      if (quoteCh) {
        if (c < 0 || c === 10) throw new QuoteError(quoteCh === 39 ? 'single' : 'double');
        if (c === quoteCh) quoteCh = 0;
        else bytes.push(c);
      } else if (c < 0 || c === 10) break;
      else if (c === 39 || c === 34) quoteCh = c;
      else if (c === 92) {
        const d = await this.get();
        if (d >= 0) bytes.push(d);
      } else bytes.push(c);
      c = await this.get();
    }
    return utf8Decode(Uint8Array.from(bytes));
  }
}

type RunStatus = { kind: 'exit'; code: number } | { kind: 'signal'; sig: number } | { kind: 'error'; err: SysError };

/** fork + execvp; a child that cannot exec reports back through its exit status. */
async function execute(sys: Sys, argv: string[]): Promise<RunStatus> {
  const cmd = argv[0]!;
  const path = sys.getenv('PATH') ?? '/usr/bin:/bin';
  const candidates = cmd.includes('/') ? [cmd] : path.split(':').map((d) => `${d || '.'}/${cmd}`);
  let failure: SysError | null = null;
  const [rd, wr] = await sys.pipe(true);
  const pid = await sys.fork(async (c) => {
    await c.close(rd);
    for (const file of candidates) {
      try {
        return await c.execve(file, argv);
      } catch (err) {
        if (!isSysError(err)) throw err;
        if (!failure || err.code !== 'ENOENT') failure = err;
      }
    }
    // Tell the parent why: it prints the message and picks 126 or 127.
    await c.writeAll(wr, failure!.code);
    return failure!.code === 'ENOENT' ? 127 : 126;
  });
  await sys.close(wr);
  const why = utf8Decode(await sys.readAll(rd));
  await sys.close(rd);
  const [, st] = await sys.wait4(pid);
  if (why) return { kind: 'error', err: new SysError(why as SysError['code']) };
  if (WIFEXITED(st)) return { kind: 'exit', code: WEXITSTATUS(st) };
  return { kind: 'signal', sig: WTERMSIG(st) };
}
