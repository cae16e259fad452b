// cmp (GNU diffutils 3.8): compare two files byte by byte. Silent and 0 when they are the same;
// otherwise "A B differ: char N, line L" (with -b the two bytes too), every difference with -l,
// or only the status with -s; a file that ends first gives "EOF on A after byte N". Skips (-i,
// or the SKIP operands, decimal, 0x hex or 0 octal, with size suffixes) and a limit (-n).
// Exit status 0 same, 1 different, 2 trouble.

import { isSysError, strerror } from '../../abi/errno.ts';
import { S_IFMT, S_IFREG } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { helpText, versionText } from '../lib/help.ts';
import { parseArgs, UsageError, type Parsed } from '../lib/options.ts';
import { guardOutput, Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'cmp', package: 'GNU diffutils', version: '3.8',
  usage: ['[OPTION]... FILE1 [FILE2 [SKIP1 [SKIP2]]]'],
  summary: 'Compare two files byte by byte. FILE2 defaults to standard input, as does "-".\nSKIP1 and SKIP2 are bytes to skip at the start of each file.',
  usageStatus: 2,
  options: [
    { short: 'b', long: 'print-bytes', help: 'print the differing bytes' },
    { short: 'i', long: 'ignore-initial', arg: 'required', argName: 'SKIP', help: 'skip the first SKIP bytes of both files (SKIP1:SKIP2: of each)' },
    { short: 'l', long: 'verbose', help: 'print the offset and values of every differing byte' },
    { short: 'n', long: 'bytes', arg: 'required', argName: 'LIMIT', help: 'compare at most LIMIT bytes' },
    { short: 's', long: 'quiet', key: 'silent', help: 'print nothing; only the exit status tells' },
    { long: 'silent', key: 'silent', help: 'the same as --quiet' },
  ],
};

const MAX = Number.MAX_SAFE_INTEGER;

/** xstrtoumax with base 0 and diffutils' suffixes (kB = 1000, KiB = 1024). */
function parseCount(text: string): number | null {
  const m = /^[ \t]*\+?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)([kKMGTPEZY](?:B|iB)?)?$/.exec(text);
  if (!m) return null;
  let n = Number(m[1]!.startsWith('0') && m[1]!.length > 1 && !/[xX]/.test(m[1]!) ? parseInt(m[1]!, 8) : m[1]);
  if (m[2]) {
    const power = 'KMGTPEZY'.indexOf(m[2][0]!.toUpperCase()) + 1;
    n *= (m[2].endsWith('B') && !m[2].endsWith('iB') ? 1000 : 1024) ** power;
  }
  return Math.min(n, MAX);
}

/** Bytes of a descriptor read ahead in chunks. */
class Reader {
  private buf: Uint8Array = new Uint8Array(0);
  private at = 0;
  eof = false;
  constructor(private readonly sys: Sys, readonly fd: number) {}

  /** At least one byte available (false at end of file). */
  async fill(): Promise<boolean> {
    while (this.at >= this.buf.length) {
      if (this.eof) return false;
      this.buf = await this.sys.read(this.fd, 65536);
      this.at = 0;
      if (this.buf.length === 0) this.eof = true;
    }
    return true;
  }

  available(): Uint8Array {
    return this.buf.subarray(this.at);
  }

  consume(n: number): void {
    this.at += n;
  }

  async skip(n: number): Promise<void> {
    while (n > 0 && (await this.fill())) {
      const take = Math.min(n, this.buf.length - this.at);
      this.at += take;
      n -= take;
    }
  }
}

/** A byte as cat -v shows it (for -b). */
function shown(b: number): string {
  let s = '';
  if (b >= 128) {
    s = 'M-';
    b -= 128;
  }
  if (b < 32) return `${s}^${String.fromCharCode(b + 64)}`;
  if (b === 127) return `${s}^?`;
  return s + String.fromCharCode(b);
}

const octal = (b: number): string => b.toString(8).padStart(3);

/** diffutils' own frame: its usage errors end with "cmp: Try 'cmp --help' ...". */
export default function cmp(sys: Sys): Promise<number> {
  // cmp checks its output itself: "cmp: standard output: strerror", status 2.
  return guardOutput(sys, 'cmp', 2, () => run(sys), (failure) => sys.writeAll(2, `cmp: standard output: ${strerror(failure.code)}\n`).then(() => 2, () => 2));
}

async function run(sys: Sys): Promise<number> {
  let args: Parsed;
  try {
    args = parseArgs(meta, sys.argv.slice(1));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    await sys.writeAll(2, `${e.text}\ncmp: Try 'cmp --help' for more information.\n`);
    return 2;
  }
  const first = args.last('--help', '--version');
  if (first) {
    await sys.writeAll(1, first === '--help' ? helpText(meta) : versionText(meta));
    return 0;
  }
  const tool = new Tool(sys, meta, args);
  try {
    return await body(tool);
  } finally {
    await tool.out.flush();
  }
}

async function body(tool: Tool): Promise<number> {
  const { sys } = tool;
  {
    const a = tool.args;
    const fail = (text: string): Promise<number> => tool.sys.writeAll(2, `cmp: ${text}\ncmp: Try 'cmp --help' for more information.\n`).then(() => 2);
    const list = a.has('verbose');
    const silent = a.has('silent');
    const bytes = a.has('print-bytes');
    if (list && silent) return fail('options -l and -s are incompatible');
    const skip = [0, 0];
    let limit = MAX;
    for (const o of a.options) {
      if (o.key === 'ignore-initial') {
        const [s1, s2] = o.value!.split(/:(.*)/s);
        const v1 = parseCount(s1!);
        const v2 = s2 === undefined ? v1 : parseCount(s2);
        if (v1 === null || v2 === null) return fail(`invalid --ignore-initial value ${quote(o.value!)}`);
        skip[0] = v1;
        skip[1] = v2;
      } else if (o.key === 'bytes') {
        const v = parseCount(o.value!);
        if (v === null) return fail(`invalid --bytes value ${quote(o.value!)}`);
        limit = v;
      }
    }
    const ops = a.operands;
    if (ops.length === 0) return fail(`missing operand after 'cmp'`);
    for (const [i, s] of ops.slice(2, 4).entries()) {
      const v = parseCount(s);
      if (v === null) return fail(`invalid --ignore-initial value ${quote(s)}`);
      skip[i] = v;
    }
    if (ops.length > 4) return fail(`extra operand ${quote(ops[4]!)}`);
    const names = [ops[0]!, ops[1] ?? '-'];

    const fds: number[] = [];
    try {
      for (const name of names) {
        if (name === '-') fds.push(0);
        else {
          try {
            fds.push(await sys.open(name, 0));
          } catch (e) {
            if (!isSysError(e)) throw e;
            if (!silent) await tool.error(`${quoteIfNeeded(name)}: ${strerror(e.code)}`);
            return 2;
          }
        }
      }
      return await compare(tool, names, fds, skip, limit, { list, silent, bytes });
    } catch (e) {
      if (!isSysError(e)) throw e;
      return 2;
    } finally {
      for (const fd of fds) if (fd !== 0) await sys.close(fd);
    }
  }
}

async function compare(tool: Tool, names: string[], fds: number[], skip: number[], limit: number, o: { list: boolean; silent: boolean; bytes: boolean }): Promise<number> {
  const { sys } = tool;
  const stats = await Promise.all(fds.map((fd) => sys.fstat(fd)));
  // The same open file, from the same place: equal without reading.
  if (stats[0]!.dev === stats[1]!.dev && stats[0]!.ino === stats[1]!.ino && skip[0] === skip[1] && names[0] !== '-' && names[1] !== '-') return 0;
  let width = 1;
  if (o.list) {
    let max = limit;
    for (const [i, st] of stats.entries()) if ((st.mode & S_IFMT) === S_IFREG) max = Math.min(max, Math.max(0, st.size - skip[i]!));
    width = max >= MAX ? 19 : String(max).length;
  }
  const readers = fds.map((fd) => new Reader(sys, fd));
  try {
    for (const [i, r] of readers.entries()) await r.skip(skip[i]!);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (!o.silent) await tool.error(`${quoteIfNeeded(names[0]!)}: ${strerror(e.code)}`);
    return 2;
  }
  const [r0, r1] = readers as [Reader, Reader];
  let offset = 0;
  let lines = 0;
  let lastByte = -1;
  let differ = false;
  while (offset < limit) {
    let ok0: boolean;
    let ok1: boolean;
    try {
      ok0 = await r0.fill();
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (!o.silent) await tool.error(`${quoteIfNeeded(names[0]!)}: ${strerror(e.code)}`);
      return 2;
    }
    try {
      ok1 = await r1.fill();
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (!o.silent) await tool.error(`${quoteIfNeeded(names[1]!)}: ${strerror(e.code)}`);
      return 2;
    }
    if (!ok0 || !ok1) {
      if (ok0 === ok1) break;
      // One file ended first.
      if (!o.silent) {
        await tool.out.flush();
        const name = quoteIfNeeded(names[ok0 ? 1 : 0]!);
        if (offset === 0) await tool.error(`EOF on ${name} which is empty`);
        else if (o.list) await tool.error(`EOF on ${name} after byte ${offset}`);
        else if (lastByte === 10) await tool.error(`EOF on ${name} after byte ${offset}, line ${lines}`);
        else await tool.error(`EOF on ${name} after byte ${offset}, in line ${lines + 1}`);
      }
      return 1;
    }
    const b0 = r0.available();
    const b1 = r1.available();
    const n = Math.min(b0.length, b1.length, limit - offset);
    for (let i = 0; i < n; i++) {
      const x = b0[i]!;
      const y = b1[i]!;
      if (x !== y) {
        if (o.silent) return 1;
        const at = offset + i + 1;
        if (o.list) {
          differ = true;
          const num = String(at).padStart(width);
          await tool.out.write(o.bytes ? `${num} ${octal(x)} ${shown(x).padEnd(4)} ${octal(y)} ${shown(y)}\n` : `${num} ${octal(x)} ${octal(y)}\n`);
          continue;
        }
        const where = `${names[0]} ${names[1]} differ: ${o.bytes ? 'byte' : 'char'} ${at}, line ${lines + 1}`;
        await tool.out.write(o.bytes ? `${where} is ${octal(x)} ${shown(x)} ${octal(y)} ${shown(y)}\n` : `${where}\n`);
        return 1;
      }
      if (x === 10) lines++;
    }
    if (n > 0) lastByte = b0[n - 1]!;
    offset += n;
    r0.consume(n);
    r1.consume(n);
  }
  return differ ? 1 : 0;
}
