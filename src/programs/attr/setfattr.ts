// setfattr (attr 2.5.1): set (-n NAME -v VALUE) or remove (-x NAME) an extended attribute of
// each file, or restore the attributes a `getfattr -d` dump lists (--restore). Values may be
// written as text ("..." with \ooo escapes), hex (0x...) or base64 (0s...) unless --raw.

import { isSysError } from '../../abi/errno.ts';
import { utf8Decode, utf8Encode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { guardOutput, Output } from '../lib/tool.ts';
import { attrArgs, attrQuote, strerrorEa, unquote } from './attr-text.ts';

export const meta: ProgramMeta = {
  name: 'setfattr', package: 'setfattr', version: '2.5.1',
  usage: ['{-n name} [-v value] [-h] file...', '{-x name} [-h] file...'],
  summary: 'Set or remove an extended attribute of each file, or restore those a getfattr -d dump lists.',
  usageStatus: 2,
  options: [
    { short: 'n', long: 'name', arg: 'required', argName: 'name', help: 'the attribute to set' },
    { short: 'x', long: 'remove', arg: 'required', argName: 'name', help: 'the attribute to remove' },
    { short: 'v', long: 'value', arg: 'required', argName: 'value', help: 'the value to give it (empty if left out)' },
    { short: 'h', long: 'no-dereference', help: 'act on symbolic links themselves' },
    { long: 'restore', arg: 'required', argName: 'file', help: "set what a 'getfattr -d' dump in file lists ('-': standard input)" },
    { long: 'raw', help: 'take the value as it is, without decoding it' },
  ],
};

const SYNOPSIS = 'Usage: setfattr {-n name} [-v value] [-h] file...\n       setfattr {-x name} [-h] file...\nTry `setfattr --help\' for more information.\n';

const isSpace = (c: number): boolean => c === 0x20 || (c >= 9 && c <= 13);

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return -1;
}

function base64Digit(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c - 0x41;
  if (c >= 0x61 && c <= 0x7a) return 26 + c - 0x61;
  if (c >= 0x30 && c <= 0x39) return 52 + c - 0x30;
  if (c === 0x2b) return 62;
  if (c === 0x2f) return 63;
  if (c === 0x3d) return -2;
  return -1;
}

/** decode(): the bytes a value stands for, or null for "bad input encoding". */
export function decodeValue(text: string): Uint8Array | null {
  const v = utf8Encode(text);
  if (v.length === 0) return v;
  const out: number[] = [];
  let i = 2;
  const end = v.length;
  if (v[0] === 0x30 && (v[1] === 0x78 || v[1] === 0x58)) {
    while (i < end) {
      while (i < end && isSpace(v[i]!)) i++;
      if (i === end) break;
      const d1 = hexDigit(v[i++]!);
      while (i < end && isSpace(v[i]!)) i++;
      if (i === end) return null;
      const d0 = hexDigit(v[i++]!);
      if (d1 < 0 || d0 < 0) return null;
      out.push((d1 << 4) | d0);
    }
    return Uint8Array.from(out);
  }
  if (v[0] === 0x30 && (v[1] === 0x73 || v[1] === 0x53)) {
    let d0 = -2;
    let d1 = -2;
    let d2 = -2;
    let d3 = -2;
    for (;;) {
      while (i < end && isSpace(v[i]!)) i++;
      if (i === end) {
        d0 = d1 = d2 = d3 = -2;
        break;
      }
      if (i + 4 > end) return null;
      d0 = base64Digit(v[i++]!);
      d1 = base64Digit(v[i++]!);
      d2 = base64Digit(v[i++]!);
      d3 = base64Digit(v[i++]!);
      if (d0 < 0 || d1 < 0 || d2 < 0 || d3 < 0) break;
      out.push(((d0 << 2) | (d1 >> 4)) & 0xff, ((d1 << 4) | (d2 >> 2)) & 0xff, ((d2 << 6) | d3) & 0xff);
    }
    if (d0 !== -2) {
      if (d0 === -1 || d1 < 0 || d2 === -1 || d3 === -1) return null;
      out.push(((d0 << 2) | (d1 >> 4)) & 0xff);
      if (d2 !== -2) {
        out.push(((d1 << 4) | (d2 >> 2)) & 0xff);
        if (d3 !== -2) out.push(((d2 << 6) | d3) & 0xff);
        else if (d2 & 0x03) return null;
      } else if (d1 & 0x0f || d3 !== -2) return null;
    }
    while (i < end && isSpace(v[i]!)) i++;
    if (i + 4 <= end && v[i] === 0x3d) {
      if (v[++i] !== 0x3d || v[++i] !== 0x3d || v[++i] !== 0x3d) return null;
      i++;
    }
    while (i < end && isSpace(v[i]!)) i++;
    if (i < end) return null;
    return Uint8Array.from(out);
  }
  // Text, optionally in double quotes, with \\ \" and \ooo escapes.
  let s = 0;
  let e = end;
  if (e > s + 1 && v[s] === 0x22 && v[e - 1] === 0x22) {
    s++;
    e--;
  }
  while (s < e) {
    if (v[s] === 0x5c) {
      const n = v[s + 1];
      if (n === 0x5c || n === 0x22) {
        out.push(n);
        s += 2;
      } else if (n !== undefined && n >= 0x30 && n <= 0x37) {
        s++;
        let c = v[s++]! - 0x30;
        if (s < e && v[s]! >= 0x30 && v[s]! <= 0x37) c = (c << 3) + (v[s++]! - 0x30);
        if (s < e && v[s]! >= 0x30 && v[s]! <= 0x37) c = (c << 3) + (v[s++]! - 0x30);
        out.push(c & 0xff);
      } else out.push(v[s++]!);
    } else out.push(v[s++]!);
  }
  return Uint8Array.from(out);
}

class Setfattr {
  hadErrors = 0;
  readonly out: Output;
  constructor(readonly sys: Sys, readonly deref: boolean, readonly raw: boolean) {
    this.out = new Output(sys);
  }

  async doSet(path: string, name: string, value: string | null, remove: boolean): Promise<number> {
    let bytes: Uint8Array = new Uint8Array(0);
    if (value !== null) {
      const d = this.raw ? utf8Encode(value) : decodeValue(value);
      if (d === null) {
        await this.sys.writeAll(2, 'bad input encoding\n');
        this.hadErrors++;
        return 1;
      }
      bytes = d;
    }
    try {
      if (remove) await this.sys.removexattr(path, name, this.deref);
      else await this.sys.setxattr(path, name, bytes, 0, this.deref);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await this.sys.writeAll(2, `setfattr: ${attrQuote(path, '\n\r')}: ${strerrorEa(e.code)}\n`);
      this.hadErrors++;
      return 1;
    }
    return 0;
  }

  /** --restore: the blocks of a getfattr -d dump, "# file: PATH" then "name=value" lines. */
  async restore(file: string): Promise<void> {
    const { sys } = this;
    let text: string;
    try {
      if (file === '-') text = utf8Decode(await sys.readAll(0));
      else {
        const fd = await sys.open(file, 0);
        try {
          text = utf8Decode(await sys.readAll(fd));
        } finally {
          await sys.close(fd);
        }
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      // attr 2.5.1 reports an unreadable dump without failing the run.
      await sys.writeAll(2, `setfattr: ${file}: ${strerrorEa(e.code)}\n`);
      return;
    }
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    let line = 0;
    let i = 0;
    for (;;) {
      const backup = line;
      while (i < lines.length && lines[i] === '') {
        i++;
        line++;
      }
      if (i >= lines.length) break;
      const l = lines[i++]!;
      line++;
      if (!l.startsWith('# file: ')) {
        if (file !== '-') await sys.writeAll(2, `setfattr: ${file}: No filename found in line ${backup}, aborting\n`);
        else await sys.writeAll(2, `setfattr: No filename found in line ${backup} of standard input, aborting\n`);
        this.hadErrors++;
        return;
      }
      const path = unquote(l.slice(8));
      while (i < lines.length && lines[i] !== '') {
        const entry = lines[i++]!;
        line++;
        const eq = entry.indexOf('=');
        await this.doSet(path, unquote(eq < 0 ? entry : entry.slice(0, eq)), eq < 0 ? null : entry.slice(eq + 1), false);
      }
      if (i >= lines.length) break;
      i++;
      line++;
    }
  }
}

export default function setfattr(sys: Sys): Promise<number> {
  return guardOutput(sys, 'setfattr', 0, () => run(sys), async () => 0);
}

async function run(sys: Sys): Promise<number> {
  const args = await attrArgs(sys, meta, SYNOPSIS);
  if (typeof args === 'number') return args;
  let name: string | null = null;
  let value: string | null = null;
  let set = false;
  let remove = false;
  let deref = true;
  let raw = false;
  const restores: string[] = [];
  const synopsis = async (): Promise<number> => {
    await sys.writeAll(2, SYNOPSIS);
    return 2;
  };
  for (const o of args.options) {
    switch (o.key) {
      case 'name':
        if (name !== null || remove) return synopsis();
        name = o.value!;
        set = true;
        break;
      case 'no-dereference': deref = false; break;
      case 'value':
        if (value !== null || remove) return synopsis();
        value = o.value!;
        break;
      case 'remove':
        if (name !== null || set) return synopsis();
        name = o.value!;
        remove = true;
        break;
      case 'restore': restores.push(o.value!); break;
      case 'raw': raw = true; break;
    }
  }
  const s = new Setfattr(sys, deref, raw);
  // --restore runs as the options are read, before the files of -n/-x.
  for (const f of restores) await s.restore(f);
  if (!(((remove || set) && args.operands.length > 0) || restores.length > 0)) {
    if (restores.length === 0) return synopsis();
  }
  for (const path of args.operands) {
    if (!(remove || set)) return synopsis();
    await s.doSet(path, unquote(name!), remove ? null : value, remove);
  }
  return s.hadErrors ? 1 : 0;
}
