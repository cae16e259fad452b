// split (GNU coreutils): cut a file into pieces named PREFIX plus a suffix (xaa, xab, ...):
// -l N lines, -b N bytes, -C N bytes of whole lines, or -n CHUNKS (N equal parts, K/N only the
// Kth to standard output, l/N without splitting lines, r/N lines dealt round-robin). Suffixes
// are letters, -d digits or -x hex digits, -a long; without -a they grow when used up (xyz is
// followed by xzaaa) as GNU's do, and with -a a run that needs more files stops with "output
// file suffixes exhausted". --filter pipes each piece to a shell command instead of a file.

import { isSysError } from '../../abi/errno.ts';
import { SIG, signalName, WEXITSTATUS, WIFEXITED, WTERMSIG } from '../../abi/signals.ts';
import { O_CREAT, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import { S_IFIFO, S_IFMT, S_IFREG, S_IFSOCK } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { parseSuffixed } from '../lib/suffixed.ts';
import { runTool, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'split', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [FILE [PREFIX]]'],
  summary: 'Write FILE in pieces to files named PREFIX followed by a suffix: PREFIXaa, PREFIXab and\n'
    + 'so on. PREFIX is x unless given; FILE is standard input when absent or "-".',
  options: [
    { short: 'a', long: 'suffix-length', arg: 'required', argName: 'N', help: 'make suffixes N characters long (2 by default)' },
    { long: 'additional-suffix', arg: 'required', argName: 'SUFFIX', help: 'put SUFFIX after each file name' },
    { short: 'b', long: 'bytes', arg: 'required', argName: 'SIZE', help: 'put SIZE bytes in each file' },
    { short: 'C', long: 'line-bytes', arg: 'required', argName: 'SIZE', help: 'put at most SIZE bytes of whole lines in each file' },
    { short: 'd', key: 'd', help: 'use digits for suffixes, starting at 0' },
    { long: 'numeric-suffixes', arg: 'optional', argName: 'FROM', help: 'like -d, starting at FROM' },
    { short: 'x', key: 'x', help: 'use hexadecimal digits for suffixes, starting at 0' },
    { long: 'hex-suffixes', arg: 'optional', argName: 'FROM', help: 'like -x, starting at FROM' },
    { short: 'e', long: 'elide-empty-files', help: 'with -n, make no empty files' },
    { short: 'l', long: 'lines', arg: 'required', argName: 'NUMBER', help: 'put NUMBER lines in each file' },
    { short: 'n', long: 'number', arg: 'required', argName: 'CHUNKS', help: 'split into CHUNKS parts, as said below' },
    { short: 't', long: 'separator', arg: 'required', argName: 'SEP', help: 'records end with SEP rather than newline' },
    { long: 'filter', arg: 'required', argName: 'COMMAND', help: 'rather than write each file, pipe it to the shell COMMAND,\nwith the file\'s name in $FILE' },
    { long: 'verbose', help: 'say which file is being made before it is written' },
  ],
  epilog: 'SIZE may end in K, M, G... (powers of 1024) or KB, MB... (powers of 1000).\n\n'
    + 'CHUNKS is one of:\n'
    + '  N       N files of about the same size\n'
    + '  K/N     only the Kth of those N parts, to standard output\n'
    + '  l/N     N files, without splitting lines\n'
    + '  l/K/N   only the Kth of those, to standard output\n'
    + '  r/N     N files, lines dealt out in turn\n'
    + '  r/K/N   only the Kth of those, to standard output\n'
    + 'Without -l, -b, -C or -n, each file gets 1000 lines.',
};

/** Ends the run: the message is out, `status` is what split exits with. */
class Fatal extends Error {
  constructor(readonly status = 1) {
    super('split stopped');
  }
}

type Mode =
  | { kind: 'lines'; n: number }
  | { kind: 'bytes'; n: number }
  | { kind: 'line-bytes'; n: number }
  | { kind: 'chunks'; how: 'bytes' | 'lines' | 'rr'; k: number; n: number };

/** File names in GNU's order, widening the suffix when it may. */
class Namer {
  private index: number[];
  private started = false;
  constructor(private prefix: string, private length: number, private readonly alphabet: string,
    private readonly auto: boolean, private readonly extra: string, start: string | undefined) {
    this.index = new Array<number>(length).fill(0);
    if (start !== undefined) {
      const digits = start.split('').map((c) => alphabet.indexOf(c));
      this.index.splice(length - digits.length, digits.length, ...digits);
    }
  }

  /** The next name, or null when the suffixes are used up. */
  next(): string | null {
    if (this.started && !this.step()) return null;
    this.started = true;
    return this.prefix + this.index.map((i) => this.alphabet[i]).join('') + this.extra;
  }

  private step(): boolean {
    for (let i = this.length - 1; i >= 0; i--) {
      this.index[i]!++;
      if (this.auto && i === 0 && this.index[0]! + 1 >= this.alphabet.length) {
        // Widen: the last letter joins the prefix and the suffix gets one longer.
        this.prefix += this.alphabet[this.alphabet.length - 1];
        this.length++;
        this.index = new Array<number>(this.length).fill(0);
        return true;
      }
      if (this.index[i]! < this.alphabet.length) return true;
      this.index[i] = 0;
    }
    return false;
  }
}

export default function split(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    try {
      return await run(sys, tool);
    } catch (e) {
      if (e instanceof Fatal) return e.status;
      throw e;
    }
  });
}

async function run(sys: Sys, tool: Tool): Promise<number> {
  const a = tool.args;
  const fail = async (msg: string, status = 1): Promise<never> => {
    await tool.error(msg);
    throw new Fatal(status);
  };
  const count = async (text: string, what: string, suffixes: string): Promise<number> => {
    const r = parseSuffixed(text, suffixes);
    if (r === 'invalid') await fail(`invalid ${what}: ${quote(text)}`);
    if (r === 'overflow') return Number.MAX_SAFE_INTEGER;
    if (r === 0n) await fail(`invalid ${what}: ${quote(text)}: Numerical result out of range`);
    return Number(r as bigint);
  };

  let mode = null as Mode | null;
  let suffixLength = 0;
  let alphabet = 'abcdefghijklmnopqrstuvwxyz';
  let start: string | undefined;
  let extra = '';
  let eol = '\n';
  const setMode = async (m: Mode): Promise<void> => {
    if (mode && mode.kind !== m.kind) {
      await tool.usage('split: cannot split in more than one way');
      throw new Fatal();
    }
    mode = m;
  };
  for (const o of a.options) {
    const v = o.value ?? '';
    switch (o.key) {
      case 'suffix-length': {
        const r = /^[ \t]*\+?[0-9]+$/.test(v) ? Number(v) : NaN;
        if (Number.isNaN(r)) await fail(`invalid suffix length: ${quote(v)}`);
        suffixLength = r;
        break;
      }
      case 'additional-suffix':
        if (v.includes('/')) {
          await tool.usage(`split: invalid suffix ${quote(v)}, contains directory separator`);
          throw new Fatal();
        }
        extra = v;
        break;
      case 'bytes': await setMode({ kind: 'bytes', n: await count(v, 'number of bytes', 'bEGKkMmPTYZ0') }); break;
      case 'line-bytes': await setMode({ kind: 'line-bytes', n: await count(v, 'number of bytes', 'bEGKkMmPTYZ0') }); break;
      case 'lines': await setMode({ kind: 'lines', n: await count(v, 'number of lines', '') }); break;
      case 'number': await setMode(await parseChunks(v, fail)); break;
      case 'd': case 'numeric-suffixes': case 'x': case 'hex-suffixes':
        alphabet = o.key === 'd' || o.key === 'numeric-suffixes' ? '0123456789' : '0123456789abcdef';
        if (o.value !== undefined) {
          if (o.value === '' || [...o.value].some((c) => !alphabet.includes(c))) await fail(`${quote(o.value)}: invalid start value for numerical suffix`);
          start = o.value.replace(/^0+(?=.)/, '');
        } else start = undefined;
        break;
      case 'separator': {
        let t = v;
        if (t === '\\0') t = '\0';
        else if (t.length > 1) await fail(`multi-character separator ${quote(v)}`);
        else if (t === '') await fail('empty record separator');
        eol = t;
        break;
      }
    }
  }
  const ops = a.operands;
  if (ops.length > 2) {
    await tool.usage(`split: extra operand ${quote(ops[2]!)}`);
    throw new Fatal();
  }
  const m: Mode = mode ?? { kind: 'lines', n: 1000 };
  const input = ops[0] ?? '-';
  const prefix = ops[1] ?? 'x';

  // The suffix length a -n run needs (set_suffix_length).
  let auto = start === undefined;
  if (m.kind === 'chunks') {
    let end = m.n - 1;
    if (start !== undefined && Number(start) < m.n) end += Number(start);
    let needed = end % alphabet.length !== 0 ? 1 : 0;
    while ((end = Math.floor(end / alphabet.length))) needed++;
    auto = false;
    if (suffixLength && suffixLength < needed) await fail(`the suffix length needs to be at least ${needed}`);
    if (!suffixLength) suffixLength = Math.max(2, needed);
  } else if (suffixLength) auto = false;
  else suffixLength = 2;
  if (start !== undefined && start.length > suffixLength) await fail('numerical suffix start value is too large for the suffix length');

  let fd: number;
  try {
    fd = input === '-' ? 0 : await sys.open(input, 0);
  } catch (e) {
    await tool.sysError(e, `cannot open ${quote(input)} for reading`);
    throw new Fatal();
  }
  let data: Uint8Array;
  let inputId: { dev: number; ino: number } | null = null;
  try {
    const st = await sys.fstat(fd);
    if ((st.mode & S_IFMT) === S_IFREG) inputId = { dev: st.dev, ino: st.ino };
    // Equal parts need the size first; dealing lines round-robin does not.
    if (m.kind === 'chunks' && m.how !== 'rr') {
      const type = (await sys.fstat(fd)).mode & S_IFMT;
      if (type === S_IFIFO || type === S_IFSOCK) await fail(`${quoteIfNeeded(input)}: cannot determine file size`);
    }
    data = await sys.readAll(fd);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await tool.sysError(e, quoteIfNeeded(input));
    throw new Fatal();
  } finally {
    if (fd !== 0) await sys.close(fd);
  }

  const namer = new Namer(prefix, suffixLength, alphabet, auto, extra, start);
  const filter = a.value('filter');
  // A filter that stops reading early is no error: its pipe's EPIPE is ignored, as in split.
  if (filter !== undefined) await sys.sigaction(SIG.SIGPIPE, 'ignore');
  const verbose = a.has('verbose');
  const sep = eol.charCodeAt(0);
  const create = async (parts: Uint8Array[]): Promise<void> => {
    const name = namer.next();
    if (name === null) await fail('output file suffixes exhausted');
    if (inputId) {
      // Writing over the file being split would lose what is not read yet.
      try {
        const st = await sys.stat(name!);
        if (st.dev === inputId.dev && st.ino === inputId.ino) await fail(`${quote(name!)} would overwrite input; aborting`);
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
    }
    if (verbose) await tool.out.write(filter === undefined ? `creating file ${quote(name!)}\n` : `executing with FILE=${name}\n`);
    await tool.out.flush();
    if (filter !== undefined) {
      await runFilter(sys, filter, name!, parts, fail);
      return;
    }
    let out: number;
    try {
      out = await sys.open(name!, O_WRONLY | O_CREAT | O_TRUNC, 0o666);
    } catch (e) {
      await tool.sysError(e, quoteIfNeeded(name!));
      throw new Fatal();
    }
    try {
      for (const p of parts) await sys.writeAll(out, p);
    } catch (e) {
      await tool.sysError(e, quoteIfNeeded(name!));
      throw new Fatal();
    } finally {
      await sys.close(out);
    }
  };
  const records = (): Uint8Array[] => {
    const out: Uint8Array[] = [];
    let at = 0;
    while (at < data.length) {
      const end = data.indexOf(sep, at);
      const stop = end < 0 ? data.length : end + 1;
      out.push(data.subarray(at, stop));
      at = stop;
    }
    return out;
  };

  switch (m.kind) {
    case 'bytes':
      for (let at = 0; at < data.length; at += m.n) await create([data.subarray(at, at + m.n)]);
      break;
    case 'lines': {
      const lines = records();
      for (let i = 0; i < lines.length; i += m.n) await create(lines.slice(i, i + m.n));
      break;
    }
    case 'line-bytes': {
      let parts: Uint8Array[] = [];
      let size = 0;
      for (let line of records()) {
        if (size + line.length > m.n && size > 0) {
          await create(parts);
          parts = [];
          size = 0;
        }
        // A line longer than SIZE goes out in SIZE pieces; what is left starts the next file.
        while (line.length > m.n) {
          await create([line.subarray(0, m.n)]);
          line = line.subarray(m.n);
        }
        if (line.length) {
          parts.push(line);
          size += line.length;
        }
      }
      if (size) await create(parts);
      break;
    }
    case 'chunks':
      await chunks(m, data, records, create, async (b) => {
        await tool.out.write(b);
      }, a.has('elide-empty-files'));
      break;
  }
  return 0;
}

/** --filter: one file's data piped to `sh -c COMMAND` with FILE set; a failure ends split. */
async function runFilter(sys: Sys, command: string, name: string, parts: Uint8Array[], fail: (msg: string, status: number) => Promise<never>): Promise<void> {
  const [r, w] = await sys.pipe();
  const env = [...sys.envp.filter((e) => !e.startsWith('FILE=')), `FILE=${name}`];
  const child = await sys.fork(async (c) => {
    await c.close(w);
    await c.dup2(r, 0);
    await c.close(r);
    await c.sigaction(SIG.SIGPIPE, 'default');
    return c.execve('/bin/sh', ['sh', '-c', command], env);
  });
  await sys.close(r);
  try {
    for (const p of parts) await sys.writeAll(w, p);
  } catch (e) {
    if (!isSysError(e, 'EPIPE')) throw e;
  } finally {
    await sys.close(w);
  }
  const [, st] = await sys.wait4(child);
  // Its failure is split's, with its status (128+N for a signal).
  if (WIFEXITED(st)) {
    if (WEXITSTATUS(st)) await fail(`with FILE=${name}, exit ${WEXITSTATUS(st)} from command: ${command}`, WEXITSTATUS(st));
  } else {
    const sig = WTERMSIG(st);
    await fail(`with FILE=${name}, signal ${signalName(sig).replace(/^SIG/, '')} from command: ${command}`, 128 + sig);
  }
}

async function parseChunks(v: string, fail: (msg: string) => Promise<never>): Promise<Mode> {
  let how: 'bytes' | 'lines' | 'rr' = 'bytes';
  let rest = v;
  if (rest.startsWith('l/')) {
    how = 'lines';
    rest = rest.slice(2);
  } else if (rest.startsWith('r/')) {
    how = 'rr';
    rest = rest.slice(2);
  }
  const num = async (text: string, what: string): Promise<number> => {
    if (!/^[ \t]*\+?[0-9]+$/.test(text)) await fail(`invalid ${what}: ${quote(text)}`);
    return Number(text);
  };
  const slash = rest.indexOf('/');
  let k = 0;
  let nText = rest;
  let kText = '';
  if (slash >= 0) {
    kText = rest.slice(0, slash);
    nText = rest.slice(slash + 1);
  }
  const n = await num(nText, 'number of chunks');
  if (n === 0) await fail(`invalid number of chunks: ${quote(nText)}: Numerical result out of range`);
  if (slash >= 0) {
    k = await num(kText, 'chunk number');
    if (k === 0 || k > n) await fail(`invalid chunk number: ${quote(kText)}: Numerical result out of range`);
  }
  return { kind: 'chunks', how, k, n };
}

/** -n: N parts of equal size, of whole lines, or of lines dealt in turn; K alone to stdout. */
async function chunks(m: Extract<Mode, { kind: 'chunks' }>, data: Uint8Array, records: () => Uint8Array[],
  create: (parts: Uint8Array[]) => Promise<void>, stdout: (b: Uint8Array) => Promise<void>, elide: boolean): Promise<void> {
  const size = data.length;
  const chunkSize = Math.floor(size / m.n);
  const rem = size % m.n;
  // Part j (from 1) ends at this byte offset: the remainder goes one byte each to the first parts.
  const end = (j: number): number => j * chunkSize + Math.min(j, rem);
  const files: Uint8Array[][] = Array.from({ length: m.n }, () => []);
  if (m.how === 'bytes') {
    for (let i = 0; i < m.n; i++) files[i]!.push(data.subarray(end(i), end(i + 1)));
  } else if (m.how === 'rr') {
    records().forEach((line, i) => files[i % m.n]!.push(line));
  } else {
    // Part j ends with the line holding byte j*size/N - 1 (no share of the remainder here);
    // parts a long line passes over stay empty.
    let chunk = 0;
    let at = 0;
    for (const line of records()) {
      files[chunk]!.push(line);
      at += line.length;
      while (chunk < m.n - 1 && at >= (chunk + 1) * chunkSize) chunk++;
    }
  }
  if (m.k) {
    for (const p of files[m.k - 1]!) await stdout(p);
    return;
  }
  for (const parts of files) {
    if (elide && parts.every((p) => p.length === 0)) continue;
    await create(parts);
  }
}
