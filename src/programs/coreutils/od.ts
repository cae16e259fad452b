// od (GNU coreutils): standard input or the files as octal (default), hexadecimal, decimal or
// character dumps, 16 bytes a line. -c, -x, -o and -t TYPE (a, c, d/o/u/x with sizes 1, 2, 4, 8)
// choose the formats, one output line each; -A d|o|x|n the offset radix; -j skips, -N limits;
// identical lines after the first are shown as one "*" unless -v.

import { concatBytes } from '../../base/bytes.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'od', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [FILE]...'],
  summary: 'Dump the bytes of FILEs (or standard input) in octal and other formats.',
  options: [
    { short: 'A', long: 'address-radix', arg: 'required', argName: 'RADIX', help: 'offsets in d(ecimal), o(ctal), x (hex) or n (none)' },
    { short: 'j', long: 'skip-bytes', arg: 'required', argName: 'BYTES', help: 'skip this many bytes of input first' },
    { short: 'N', long: 'read-bytes', arg: 'required', argName: 'BYTES', help: 'dump at most this many bytes' },
    { short: 't', long: 'format', arg: 'required', argName: 'TYPE', help: 'dump as TYPE: a, c, d[SIZE], o[SIZE], u[SIZE], x[SIZE]' },
    { short: 'v', long: 'output-duplicates', help: 'show repeated lines instead of a single *' },
    { short: 'c', help: 'the same as -t c: bytes as characters and escapes' },
    { short: 'x', help: 'the same as -t x2: two-byte words in hexadecimal' },
    { short: 'o', help: 'the same as -t o2: two-byte words in octal' },
    { short: 'd', help: 'the same as -t u2: two-byte words in unsigned decimal' },
    { short: 'b', help: 'the same as -t o1: bytes in octal' },
  ],
};

const NAMED: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };
const ASCII_NAMES = ['nul', 'soh', 'stx', 'etx', 'eot', 'enq', 'ack', 'bel', 'bs', 'ht', 'nl', 'vt', 'ff', 'cr', 'so', 'si',
  'dle', 'dc1', 'dc2', 'dc3', 'dc4', 'nak', 'syn', 'etb', 'can', 'em', 'sub', 'esc', 'fs', 'gs', 'rs', 'us', 'sp'];

interface Format {
  kind: 'a' | 'c' | 'd' | 'o' | 'u' | 'x';
  size: number;
  /** A trailing z: the line's printable characters after it, between > and <. */
  text?: boolean;
}

const DIGITS: Record<string, Record<number, number>> = {
  o: { 1: 3, 2: 6, 4: 11, 8: 22 }, x: { 1: 2, 2: 4, 4: 8, 8: 16 }, u: { 1: 3, 2: 5, 4: 10, 8: 20 }, d: { 1: 4, 2: 6, 4: 11, 8: 20 },
};

function parseType(spec: string): Format[] | string {
  const out: Format[] = [];
  for (let i = 0; i < spec.length; ) {
    const kind = spec[i++]!;
    if (kind === 'a' || kind === 'c') {
      const text = spec[i] === 'z';
      if (text) i++;
      out.push({ kind, size: 1, text });
      continue;
    }
    if (!'doux'.includes(kind)) return `invalid character '${kind}' in type string ${quote(spec)}`;
    const m = /^(\d+|[CSIL])?/.exec(spec.slice(i))![0];
    i += m.length;
    const size = m === '' || m === 'I' ? 4 : m === 'C' ? 1 : m === 'S' ? 2 : m === 'L' ? 8 : Number(m);
    if (![1, 2, 4, 8].includes(size)) return `invalid type string ${quote(spec)};\nthis system doesn't provide a ${size}-byte integral type`;
    const text = spec[i] === 'z';
    if (text) i++;
    out.push({ kind: kind as Format['kind'], size, text });
  }
  return out;
}

function item(line: Uint8Array, at: number, f: Format): string {
  if (f.kind === 'c') {
    const b = line[at]!;
    return (NAMED[b] ?? (b >= 32 && b < 127 ? String.fromCharCode(b) : b.toString(8).padStart(3, '0'))).padStart(4);
  }
  if (f.kind === 'a') {
    const b = line[at]! & 0x7f;
    return (b <= 32 ? ASCII_NAMES[b]! : b === 127 ? 'del' : String.fromCharCode(b)).padStart(4);
  }
  let v = 0n;
  for (let k = f.size - 1; k >= 0; k--) v = (v << 8n) | BigInt(line[at + k] ?? 0);
  if (f.kind === 'd' && v >= 1n << BigInt(f.size * 8 - 1)) v -= 1n << BigInt(f.size * 8);
  const digits = DIGITS[f.kind]![f.size]!;
  const text = f.kind === 'x' ? v.toString(16).padStart(digits, '0') : f.kind === 'o' ? v.toString(8).padStart(digits, '0') : v.toString(10).padStart(digits);
  return ` ${text}`;
}

function offset(n: number, radix: string): string {
  if (radix === 'n') return '';
  if (radix === 'x') return n.toString(16).padStart(6, '0');
  if (radix === 'd') return n.toString(10).padStart(7, '0');
  return n.toString(8).padStart(7, '0');
}

function byteCount(text: string): number | null {
  const m = /^(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)([bkm]?)$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1]!.startsWith('0x') ? m[1] : m[1]!.length > 1 && m[1]!.startsWith('0') ? parseInt(m[1]!, 8) : m[1]);
  return n * ({ b: 512, k: 1024, m: 1048576 }[m[2]!.toLowerCase()] ?? 1);
}

/** At most `count` bytes of `fd`, fewer only at its end. */
async function readUpTo(sys: Sys, fd: number, count: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  while (size < count) {
    const chunk = await sys.read(fd, Math.min(65536, count - size));
    if (chunk.length === 0) break;
    parts.push(chunk);
    size += chunk.length;
  }
  return concatBytes(parts);
}

export default function od(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    // od's own check of the stream speaks first, then close_stdout's.
    tool.wordWriteError({ midRun: (err) => `od: write error\nod: write error: ${err}\n` });
    const formats: Format[] = [];
    let radix = 'o';
    let skip = 0;
    let limit = Infinity;
    for (const opt of tool.args.options) {
      const v = opt.value ?? '';
      if (opt.key === 'address-radix') {
        if (!/^[doxn]$/.test(v)) return tool.error(`invalid output address radix '${v}'; it must be one character from [doxn]`);
        radix = v;
      } else if (opt.key === 'format') {
        const parsed = parseType(v);
        if (typeof parsed === 'string') return tool.error(parsed);
        formats.push(...parsed);
      } else if (opt.key === 'skip-bytes' || opt.key === 'read-bytes') {
        const n = byteCount(v);
        if (n === null) return tool.error(`invalid ${opt.key === 'skip-bytes' ? 'skip' : ''}${opt.key === 'skip-bytes' ? '' : 'maximum number of bytes to read'} argument '${v}'`.replace('invalid skip argument', 'invalid skip argument'));
        if (opt.key === 'skip-bytes') skip = n;
        else limit = n;
      } else if (opt.key === 'c') formats.push({ kind: 'c', size: 1 });
      else if (opt.key === 'x') formats.push({ kind: 'x', size: 2 });
      else if (opt.key === 'o') formats.push({ kind: 'o', size: 2 });
      else if (opt.key === 'd') formats.push({ kind: 'u', size: 2 });
      else if (opt.key === 'b') formats.push({ kind: 'o', size: 1 });
    }
    if (formats.length === 0) formats.push({ kind: 'o', size: 2 });
    const parts: Uint8Array[] = [];
    let opened = 0;
    // With -N, od reads no further than it dumps: /dev/zero or a pipe that never ends is fine.
    let left = skip + limit;
    for (const name of tool.args.operands.length ? tool.args.operands : ['-']) {
      if (left <= 0 && opened > 0) break;
      let fd: number;
      try {
        fd = name === '-' ? 0 : await sys.open(name, 0);
      } catch (e) {
        await tool.sysError(e, quoteIfNeeded(name));
        continue;
      }
      // A file that opened but cannot be read (a directory, a closed stdin) still ends at an offset.
      opened++;
      try {
        const got = Number.isFinite(left) ? await readUpTo(sys, fd, left) : await sys.readAll(fd);
        left -= got.length;
        parts.push(got);
      } catch (e) {
        await tool.sysError(e, name === '-' && !tool.busybox ? quote('standard input') : quoteIfNeeded(name));
      } finally {
        if (fd !== 0) await sys.close(fd);
      }
    }
    // With nothing readable at all there is not even an end offset to print.
    if (opened === 0) return;
    let data = concatBytes(parts);
    if (skip > data.length) return tool.error('cannot skip past end of combined input');
    data = data.subarray(skip, Number.isFinite(limit) ? skip + limit : undefined);
    // Each item is as wide as the widest format needs per byte, so columns line up across lines.
    const perByte = Math.max(...formats.map((f) => (f.kind === 'c' || f.kind === 'a' ? 4 : (DIGITS[f.kind]![f.size]! + 1) / f.size)));
    let previous: string | null = null;
    let starred = false;
    const blank = ' '.repeat(offset(0, radix).length);
    for (let at = 0; at < data.length; at += 16) {
      const line = data.subarray(at, at + 16);
      const body = formats.map((f) => {
        let s = '';
        for (let i = 0; i < line.length; i += f.size) s += item(line, i, f).padStart(perByte * f.size);
        if (!f.text) return s;
        const shown = [...line].map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
        return `${s.padEnd(perByte * 16)}  >${shown}<`;
      });
      const key = body.join('\n');
      if (!tool.args.has('output-duplicates') && key === previous && line.length === 16) {
        if (!starred) await tool.out.write('*\n');
        starred = true;
        continue;
      }
      previous = key;
      starred = false;
      await tool.out.write(body.map((b, i) => `${i === 0 ? offset(skip + at, radix) : blank}${b}\n`).join(''));
    }
    if (radix !== 'n') await tool.out.write(`${offset(skip + data.length, radix)}\n`);
    // GNU's tools close a standard input they read; a closed one fails there too.
    if (!tool.busybox && (tool.args.operands.length === 0 || tool.args.operands.includes('-'))) await tool.closeStdin('standard input');
  });
}
