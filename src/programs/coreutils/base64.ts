// base64 (GNU coreutils): encode a file (or standard input) as base64 text wrapped at -w columns
// (76 by default, 0 for none), or decode it with -d. Decoding skips newlines (with -i, every
// byte outside the alphabet), accepts concatenated padded blocks, and on bad input writes what it
// decoded so far and fails with "invalid input", as GNU's streaming decoder does.

import { isSysError, strerror } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { runTool, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'base64', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [FILE]'],
  summary: 'Encode FILE (or standard input) as base64 on standard output, or decode it.',
  options: [
    { short: 'd', long: 'decode', help: 'decode base64 text' },
    { short: 'i', long: 'ignore-garbage', help: 'when decoding, skip bytes that are not base64' },
    { short: 'w', long: 'wrap', arg: 'required', argName: 'COLS', help: 'break encoded lines after COLS characters (default 76);\n0 means never' },
  ],
  epilog: 'The alphabet is A-Z a-z 0-9 + / with = padding (RFC 4648).',
};

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < 64; i++) VALUE[ALPHABET.charCodeAt(i)] = i;
const EQ = 61;

class Encoder {
  private carry: number[] = [];
  private column = 0;
  constructor(private readonly wrap: number) {}

  encode(data: Uint8Array, final: boolean): string {
    const bytes = this.carry.length ? Uint8Array.from([...this.carry, ...data]) : data;
    const whole = final ? bytes.length : bytes.length - (bytes.length % 3);
    this.carry = Array.from(bytes.subarray(whole));
    let text = '';
    for (let i = 0; i < whole; i += 3) {
      const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
      text += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
      text += i + 1 < whole ? ALPHABET[(n >> 6) & 63]! : '=';
      text += i + 2 < whole ? ALPHABET[n & 63]! : '=';
    }
    if (this.wrap === 0) return text;
    let out = '';
    for (let at = 0; at < text.length;) {
      const take = Math.min(this.wrap - this.column, text.length - at);
      out += text.slice(at, at + take);
      at += take;
      this.column += take;
      if (this.column === this.wrap) {
        out += '\n';
        this.column = 0;
      }
    }
    if (final && this.column > 0) out += '\n';
    return out;
  }
}

class Decoder {
  private quad: number[] = [];
  failed = false;
  constructor(private readonly ignoreGarbage: boolean) {}

  /** Decoded bytes of complete 4-character groups; sets `failed` at the first bad byte. */
  decode(data: Uint8Array): Uint8Array {
    const out: number[] = [];
    for (const c of data) {
      if (this.failed) break;
      if (c === 10) continue;
      if (VALUE[c]! < 0 && c !== EQ) {
        if (this.ignoreGarbage) continue;
        this.failed = true;
        break;
      }
      this.quad.push(c);
      if (this.quad.length === 4) {
        if (!this.group(this.quad, out)) this.failed = true;
        this.quad = [];
      }
    }
    return Uint8Array.from(out);
  }

  /** The end of the input: a group of 2 or 3 characters still decodes, but is an error. */
  finish(): Uint8Array {
    const out: number[] = [];
    if (this.failed || this.quad.length === 0) return Uint8Array.from(out);
    if (this.quad.length >= 2 && this.quad.every((c) => c !== EQ)) this.group([...this.quad, ...Array(4 - this.quad.length).fill(EQ)], out);
    this.failed = true;
    return Uint8Array.from(out);
  }

  private group(q: number[], out: number[]): boolean {
    const [a, b, c, d] = q.map((x) => VALUE[x]!) as [number, number, number, number];
    if (a < 0 || b < 0) return false;
    out.push(((a << 2) | (b >> 4)) & 255);
    if (q[2] === EQ) return q[3] === EQ;
    if (c < 0) return false;
    out.push(((b << 4) | (c >> 2)) & 255);
    if (q[3] === EQ) return true;
    if (d < 0) return false;
    out.push(((c << 6) | d) & 255);
    return true;
  }
}

async function run(tool: Tool, fd: number, decode: boolean, wrap: number, ignore: boolean): Promise<boolean> {
  const { sys } = tool;
  const enc = new Encoder(wrap);
  const dec = new Decoder(ignore);
  for (;;) {
    const chunk = await sys.read(fd, 65536);
    const last = chunk.length === 0;
    if (decode) {
      await tool.out.write(dec.decode(chunk));
      if (dec.failed) return false;
      if (last) {
        await tool.out.write(dec.finish());
        return !dec.failed;
      }
    } else {
      await tool.out.write(enc.encode(chunk, last));
      if (last) return true;
    }
  }
}

export default function base64(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    // A checked fwrite dies with the errno words; close_stdout then finds the stream failed too.
    tool.wordWriteError({ midRun: (err) => `base64: write error: ${err}\nbase64: write error\n` });
    const a = tool.args;
    let wrap = 76;
    const w = a.value('wrap');
    if (w !== undefined) {
      if (!/^[ \t]*\+?[0-9]+$/.test(w)) {
        await tool.error(`invalid wrap size: ${quote(w)}`);
        return 1;
      }
      wrap = Math.min(Number(w.trim()), Number.MAX_SAFE_INTEGER);
    }
    if (a.operands.length > 1) return tool.usage(`base64: extra operand ${quote(a.operands[1]!)}`);
    const name = a.operands[0] ?? '-';
    let fd = 0;
    if (name !== '-') {
      try {
        fd = await sys.open(name, 0);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await tool.error(`${quoteIfNeeded(name)}: ${strerror(e.code)}`);
        return 1;
      }
    }
    try {
      if (!(await run(tool, fd, a.has('decode'), wrap, a.has('ignore-garbage')))) {
        await tool.out.flush();
        await tool.error('invalid input');
        return 1;
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      await tool.out.flush();
      await tool.error(`read error: ${strerror(e.code)}`);
      return 1;
    } finally {
      if (fd !== 0) await sys.close(fd);
    }
  });
}
