// getfattr (attr 2.5.1): print extended attributes. For each file (or, with -R, each file
// below it) the matching attribute names, sorted, under a "# file:" header; -d or -n add the
// values, encoded as text, hex (0x...) or base64 (0s...), chosen automatically when -e does not
// say. Names come from listxattr filtered by the -m regular expression (user.* by default).

import { isSysError, strerror, type ErrnoName } from '../../abi/errno.ts';
import { O_CLOEXEC, O_DIRECTORY, O_RDONLY } from '../../abi/open-flags.ts';
import { S_IFDIR, S_IFLNK, S_IFMT, type Stat } from '../../abi/stat.ts';
import { utf8Encode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { compileRegex, RegexError, type Matcher } from '../lib/regex.ts';
import { guardOutput, Output } from '../lib/tool.ts';
import { attrArgs, attrQuote, strerrorEa } from './attr-text.ts';

export const meta: ProgramMeta = {
  name: 'getfattr', package: 'getfattr', version: '2.5.1',
  usage: ['[-hRLP] [-n name|-d] [-e en] [-m pattern] path...'],
  summary: "Print the extended attributes of each path: their names, or with -d or -n their values too.\nOnly names matching the -m pattern are shown, user.* unless told otherwise ('-m -' for all).",
  usageStatus: 2,
  options: [
    { short: 'n', long: 'name', arg: 'required', argName: 'name', help: 'print the value of the attribute called name' },
    { short: 'd', long: 'dump', help: 'print the values of all matching attributes' },
    { short: 'e', long: 'encoding', arg: 'required', argName: 'en', help: "write values as 'text', 'hex' or 'base64'" },
    { short: 'm', long: 'match', arg: 'required', argName: 'pattern', help: 'only names matching this regular expression' },
    { long: 'only-values', help: 'print the values alone, with nothing around them' },
    { short: 'h', long: 'no-dereference', help: 'the attributes of symbolic links themselves' },
    { long: 'one-file-system', help: 'with -R, stay on the file system of each path' },
    { long: 'absolute-names', help: "keep the leading '/' of path names" },
    { short: 'R', long: 'recursive', help: 'go down into directories' },
    { short: 'L', long: 'logical', help: 'with -R, follow every symbolic link' },
    { short: 'P', long: 'physical', help: 'with -R, follow no symbolic link' },
  ],
};

const SYNOPSIS = `Usage: getfattr ${meta.usage[0]}\nTry \`getfattr --help' for more information.\n`;

interface Opts {
  deref: boolean;
  dump: boolean;
  name: string | null;
  encoding: 'text' | 'hex' | 'base64' | null;
  valuesOnly: boolean;
  strip: boolean;
  recursive: boolean;
  logical: boolean;
  physical: boolean;
  oneFs: boolean;
  match: Matcher;
}

/** No more than one byte in eight unprintable (a trailing NUL not counted): text. */
function wellEnoughPrintable(v: Uint8Array): boolean {
  let size = v.length;
  if (size && v[size - 1] === 0) size--;
  let nonpr = 0;
  for (let i = 0; i < size; i++) if (v[i]! < 0x20 || v[i]! > 0x7e) nonpr++;
  return size >= nonpr * 8;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** encode(): the value as getfattr writes it after "name=". */
function encode(v: Uint8Array, encoding: Opts['encoding']): Uint8Array {
  const enc = encoding ?? (wellEnoughPrintable(v) ? 'text' : 'base64');
  if (enc === 'hex') {
    let s = '0x';
    for (const b of v) s += b.toString(16).padStart(2, '0');
    return utf8Encode(s);
  }
  if (enc === 'base64') {
    let s = '0s';
    let n = 0;
    for (; n + 2 < v.length; n += 3) {
      s += B64[v[n]! >> 2]! + B64[((v[n]! & 3) << 4) | (v[n + 1]! >> 4)]! + B64[((v[n + 1]! & 15) << 2) | (v[n + 2]! >> 6)]! + B64[v[n + 2]! & 63]!;
    }
    if (v.length - n === 2) s += B64[v[n]! >> 2]! + B64[((v[n]! & 3) << 4) | (v[n + 1]! >> 4)]! + B64[(v[n + 1]! & 15) << 2]! + '=';
    else if (v.length - n === 1) s += B64[v[n]! >> 2]! + B64[(v[n]! & 3) << 4]! + '==';
    return utf8Encode(s);
  }
  // text: bytes as they are, NUL/CR/LF as octal, backslash and quote escaped; a final NUL dropped.
  const out: number[] = [0x22];
  for (let i = 0; i < v.length; i++) {
    const b = v[i]!;
    if (b === 0 && i + 1 === v.length) break;
    if (b === 0 || b === 10 || b === 13) out.push(0x5c, 0x30 + (b >> 6), 0x30 + ((b >> 3) & 7), 0x30 + (b & 7));
    else if (b === 0x5c || b === 0x22) out.push(0x5c, b);
    else out.push(b);
  }
  out.push(0x22);
  return Uint8Array.from(out);
}

class Getfattr {
  readonly out: Output;
  absoluteWarning = false;
  hadErrors = 0;

  constructor(readonly sys: Sys, readonly o: Opts) {
    this.out = new Output(sys);
  }

  async err(text: string): Promise<void> {
    await this.out.flush();
    await this.sys.writeAll(2, text);
  }

  private async getValue(path: string, name: string): Promise<Uint8Array | ErrnoName> {
    try {
      return await this.sys.getxattr(path, name, this.o.deref);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return e.code;
    }
  }

  /** print_attribute: one attribute, with the header first if it is not out yet. */
  private async printAttribute(path: string, name: string, header: { printed: boolean }): Promise<number> {
    const o = this.o;
    let value: Uint8Array = new Uint8Array(0);
    if (o.dump || o.valuesOnly) {
      const v = await this.getValue(path, name);
      if (typeof v === 'string') {
        await this.err(`${attrQuote(path, '\n\r')}: ${attrQuote(name, '\n\r')}: ${strerrorEa(v)}\n`);
        return 1;
      }
      value = v;
    }
    let shown = path;
    if (o.strip) {
      if (shown.startsWith('/')) {
        if (!this.absoluteWarning) {
          await this.err("getfattr: Removing leading '/' from absolute path names\n");
          this.absoluteWarning = true;
        }
        shown = shown.replace(/^\/+/, '');
      } else if (shown.startsWith('./')) shown = shown.slice(1).replace(/^\/+/, '');
      if (shown === '') shown = '.';
    }
    if (!header.printed && !o.valuesOnly) {
      await this.out.write(`# file: ${attrQuote(shown, '\n\r')}\n`);
      header.printed = true;
    }
    if (o.valuesOnly) await this.out.write(value);
    else if (o.dump) {
      await this.out.write(`${attrQuote(name, '=\n\r')}=`);
      await this.out.write(encode(value, o.encoding));
      await this.out.write('\n');
    } else await this.out.write(`${attrQuote(name, '=\n\r')}\n`);
    return 0;
  }

  private async listAttributes(path: string, header: { printed: boolean }): Promise<number> {
    let names: string[];
    try {
      names = await this.sys.listxattr(path, this.o.deref);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await this.err(`getfattr: ${attrQuote(path, '\n\r')}: ${strerrorEa(e.code)}\n`);
      this.hadErrors++;
      return 1;
    }
    const chosen = names.filter((n) => n !== '' && this.o.match.test(n)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const n of chosen) await this.printAttribute(path, n, header);
    return 0;
  }

  /** do_print for one file. */
  async doPrint(path: string): Promise<number> {
    const header = { printed: false };
    const err = this.o.name !== null ? await this.printAttribute(path, this.o.name, header) : await this.listAttributes(path, header);
    if (header.printed) await this.out.write('\n');
    return err;
  }

  /** walk_tree: the file, then (with -R) what lies below a directory. */
  async walk(path: string, top: boolean, rootDev: number | null): Promise<number> {
    const { sys } = this;
    const o = this.o;
    const follow = top ? o.deref || o.logical : o.logical;
    let st: Stat;
    try {
      st = follow ? await sys.stat(path) : await sys.lstat(path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await this.err(`getfattr: ${attrQuote(path, '\n\r')}: ${strerror(e.code)}\n`);
      return 1;
    }
    let errors = await this.doPrint(path);
    const isDir = (st.mode & S_IFMT) === S_IFDIR;
    if (!o.recursive || !isDir) return errors;
    if (!top && !o.logical && (st.mode & S_IFMT) === S_IFLNK) return errors;
    if (o.oneFs && rootDev !== null && st.dev !== rootDev) return errors;
    let names: string[];
    try {
      const fd = await sys.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      try {
        names = (await sys.getdents(fd)).map((d) => d.name).filter((n) => n !== '.' && n !== '..');
      } finally {
        await sys.close(fd);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      await this.err(`getfattr: ${attrQuote(path, '\n\r')}: ${strerror(e.code)}\n`);
      return errors + 1;
    }
    for (const n of names) errors += await this.walk(path.endsWith('/') ? path + n : `${path}/${n}`, false, rootDev ?? st.dev);
    return errors;
  }
}

export default function getfattr(sys: Sys): Promise<number> {
  return guardOutput(sys, 'getfattr', 0, () => run(sys), async () => 0);
}

async function run(sys: Sys): Promise<number> {
  const args = await attrArgs(sys, meta, SYNOPSIS);
  if (typeof args === 'number') return args;
  let deref = true;
  let dump = false;
  let name: string | null = null;
  let encoding: Opts['encoding'] = null;
  let pattern = '^user\\.';
  let valuesOnly = false;
  let strip = true;
  let recursive = false;
  let logical = false;
  let physical = false;
  let oneFs = false;
  for (const o of args.options) {
    switch (o.key) {
      case 'absolute-names': strip = false; break;
      case 'dump': dump = true; break;
      case 'encoding':
        if (o.value !== 'text' && o.value !== 'hex' && o.value !== 'base64') {
          await sys.writeAll(2, SYNOPSIS);
          return 2;
        }
        encoding = o.value;
        break;
      case 'no-dereference': deref = false; break;
      case 'name': dump = true; name = o.value!; break;
      case 'match': pattern = o.value === '-' ? '' : o.value!; break;
      case 'only-values': valuesOnly = true; break;
      case 'logical': logical = true; physical = false; break;
      case 'physical': physical = true; logical = false; break;
      case 'recursive': recursive = true; break;
      case 'one-file-system': oneFs = true; break;
    }
  }
  if (args.operands.length === 0) {
    await sys.writeAll(2, SYNOPSIS);
    return 2;
  }
  let match: Matcher;
  try {
    match = compileRegex(pattern, { syntax: 'extended', dialect: 'sed' });
  } catch (e) {
    if (!(e instanceof RegexError)) throw e;
    await sys.writeAll(2, `getfattr: invalid regular expression "${pattern}"\n`);
    return 1;
  }
  const g = new Getfattr(sys, { deref, dump, name, encoding, valuesOnly, strip, recursive, logical, physical, oneFs, match });
  let errors = 0;
  for (const path of args.operands) errors += await g.walk(path, true, null);
  await g.out.flush();
  return errors + g.hadErrors ? 1 : 0;
}
