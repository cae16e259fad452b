// The shared body of md5sum and the sha*sum tools (GNU coreutils' digest.c), whose parts cksum
// reuses for its md5/sha algorithms: print "HASH  NAME" lines
// (" *NAME" with -b, "ALGO (NAME) = HASH" with --tag, names holding a backslash or newline
// escaped behind a leading '\'), or with -c read such lines back and report "NAME: OK" or
// "NAME: FAILED", with GNU's closing WARNING lines and exit status.

import { isSysError, strerror } from '../../abi/errno.ts';
import { sha224, sha256 } from '../../base/sha256.ts';
import { utf8Decode, utf8Encode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { Md5 } from './md5.ts';
import type { ProgramMeta } from './meta.ts';
import { quoteIfNeeded } from './quote.ts';
import { Sha1 } from './sha1.ts';
import { Sha512 } from './sha512.ts';
import { isBusybox, runTool, type Tool } from './tool.ts';

export interface Algorithm {
  /** The program: md5sum, sha256sum (also the name of its --check state in cksum). */
  program: string;
  /** The --tag name: MD5, SHA256. */
  tag: string;
  /** Hex digits in a digest. */
  hexLength: number;
  hash(fd: number, sys: Sys): Promise<Uint8Array>;
}

async function readChunks(sys: Sys, fd: number, use: (chunk: Uint8Array) => void): Promise<void> {
  for (let chunk = await sys.read(fd, 65536); chunk.length > 0; chunk = await sys.read(fd, 65536)) use(chunk);
}

export const MD5: Algorithm = {
  program: 'md5sum', tag: 'MD5', hexLength: 32,
  async hash(fd, sys) {
    const h = new Md5();
    await readChunks(sys, fd, (c) => h.update(c));
    return h.digest();
  },
};

export const SHA256: Algorithm = {
  program: 'sha256sum', tag: 'SHA256', hexLength: 64,
  async hash(fd, sys) {
    return sha256(await sys.readAll(fd));
  },
};

export const SHA224: Algorithm = {
  program: 'sha224sum', tag: 'SHA224', hexLength: 56,
  async hash(fd, sys) {
    return sha224(await sys.readAll(fd));
  },
};

export const SHA1: Algorithm = {
  program: 'sha1sum', tag: 'SHA1', hexLength: 40,
  async hash(fd, sys) {
    const h = new Sha1();
    await readChunks(sys, fd, (c) => h.update(c));
    return h.digest();
  },
};

function sha512Family(bits: 512 | 384): Algorithm {
  return {
    program: `sha${bits}sum`, tag: `SHA${bits}`, hexLength: bits / 4,
    async hash(fd, sys) {
      const h = new Sha512(bits);
      await readChunks(sys, fd, (c) => h.update(c));
      return h.digest();
    },
  };
}

export const SHA384 = sha512Family(384);
export const SHA512 = sha512Family(512);

export function digestMeta(algo: Algorithm): ProgramMeta {
  return {
    name: algo.program, package: 'GNU coreutils', version: '9.1', helpWriteError: 'plain',
    usage: ['[OPTION]... [FILE]...'],
    summary: `Print or check ${algo.tag} (${algo.hexLength * 4}-bit) checksums.\nWith no FILE, or FILE "-", read standard input.`,
    options: [
      { short: 'b', long: 'binary', help: 'read in binary mode (marked with * in the output)' },
      { short: 'c', long: 'check', help: 'read checksums from the FILEs and check them' },
      { long: 'tag', help: 'print BSD-style lines: ALGO (NAME) = HASH' },
      { short: 't', long: 'text', help: 'read in text mode (the default)' },
      { short: 'z', long: 'zero', help: 'end each output line with NUL, not newline, and do not escape names' },
      { long: 'ignore-missing', help: 'with -c, do not fail or report for missing files' },
      { long: 'quiet', help: 'with -c, do not print OK for each verified file' },
      { long: 'status', help: 'with -c, print nothing; the exit status tells' },
      { long: 'strict', help: 'with -c, fail on improperly formatted checksum lines' },
      { short: 'w', long: 'warn', help: 'with -c, warn about improperly formatted checksum lines' },
    ],
  };
}

export const hex = (d: Uint8Array): string => Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');

/** A name as digest.c prints it: whether it needs the '\' marker, and the escaped text. */
export function escapeName(name: string): [boolean, string] {
  if (!/[\\\n]/.test(name)) return [false, name];
  return [true, name.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')];
}

function unescapeName(s: string): string | null {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') {
      out += s[i];
      continue;
    }
    const n = s[++i];
    if (n === '\\') out += '\\';
    else if (n === 'n') out += '\n';
    else return null;
  }
  return out;
}

interface CheckLine {
  hash: string;
  name: string;
}

/**
 * Which algorithm a checksum file's lines are read with. md5sum and the sha*sum tools, and cksum
 * with -a, have one (`detect` absent). cksum -c without -a names it by each line's BSD tag
 * (`detect` maps tags to algorithms, null for those it cannot check), and its messages name the
 * last one found (`tag`, CRC at first).
 */
export interface CheckAlgo {
  algo: Algorithm;
  tag: string;
  detect?: ReadonlyMap<string, Algorithm | null>;
  /**
   * cksum's reading of a tag: any one character may end it (so "MD5  (" and "MD5\t(" pass), and
   * "TAG-BITS" checks only the first BITS of the digest.
   */
  cksum?: boolean;
}

/** The longest tag digest.c's algorithm_from_tag looks at ("BLAKE2b"). */
const MAX_TAG = 7;

/** One line of a checksum file, BSD-tagged or traditional; null when improperly formatted. */
function parseCheckLine(line: string, which: CheckAlgo): CheckLine | null {
  let s = line.replace(/^[ \t]+/, '');
  let escaped = false;
  if (s.startsWith('\\')) {
    escaped = true;
    s = s.slice(1);
  }
  if (which.detect) {
    // Only tagged lines, and only of the newer algorithms: the tag runs to a blank, '-' or '('.
    const word = /^[^ \t(-]*/.exec(s)![0];
    if (word.length > MAX_TAG) return null;
    const found = which.detect.get(word);
    if (!found) return null;
    which.algo = found;
    which.tag = found.tag;
  }
  const algo = which.algo;
  let name: string;
  let hash: string;
  if (s.startsWith(algo.tag)) {
    let i = algo.tag.length;
    let hexLength = algo.hexLength;
    if (which.cksum) {
      const c = s[i++];
      if (c === '(') i--;
      else if (c === '-') {
        const bits = /^[ \t\n\v\f\r]*\+?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(s.slice(i));
        if (!bits) return null;
        const b = bits[1]!;
        const n = /^0[xX]/.test(b) ? parseInt(b.slice(2), 16) : b.startsWith('0') ? parseInt(b, 8) : Number(b);
        if (!(n > 0 && n <= algo.hexLength * 4 && n % 8 === 0)) return null;
        hexLength = n / 4;
        i += bits[0].length;
      }
    }
    if (s[i] === ' ') i++;
    // The name runs to the last ')'; blanks may stand around the '='.
    const m = new RegExp(`^\\((.*)\\)[ \t]*=[ \t]*([0-9A-Fa-f]{${hexLength}})$`, 's').exec(s.slice(i));
    if (!m) return null;
    name = m[1]!;
    hash = m[2]!;
  } else {
    if (which.detect) return null;
    const m = new RegExp(`^([0-9A-Fa-f]{${algo.hexLength}}) ([ *]?)(.*)$`, 's').exec(s);
    if (!m) return null;
    hash = m[1]!;
    name = m[3]!;
    if (m[2] === '' && name === '') return null;
  }
  if (name === '') return null;
  if (escaped) {
    const u = unescapeName(name);
    if (u === null) return null;
    name = u;
  }
  return { hash: hash.toLowerCase(), name };
}

export async function hashFile(tool: Tool, algo: Algorithm, name: string): Promise<Uint8Array | string> {
  const { sys } = tool;
  let fd = 0;
  try {
    if (name !== '-') fd = await sys.open(name, 0);
    return await algo.hash(fd, sys);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return strerror(e.code);
  } finally {
    if (fd !== 0) await sys.close(fd);
  }
}

export interface CheckFlags {
  quiet: boolean;
  status: boolean;
  strict: boolean;
  warn: boolean;
  ignoreMissing: boolean;
}

const plural = (n: number, one: string, many: string): string => `WARNING: ${n} ${n === 1 ? one : many}`;

/** -c for one checksum file: true if every listed file was read and matched. */
export async function checkFile(tool: Tool, which: CheckAlgo, listName: string, f: CheckFlags): Promise<boolean> {
  const { sys } = tool;
  const shownList = listName === '-' ? 'standard input' : listName;
  let data: Uint8Array;
  let fd = 0;
  try {
    if (listName !== '-') fd = await sys.open(listName, 0);
    data = await sys.readAll(fd);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await tool.error(`${quoteIfNeeded(shownList)}: ${e.code === 'EISDIR' ? 'read error' : strerror(e.code)}`);
    return false;
  } finally {
    if (fd !== 0) await sys.close(fd);
  }
  const lines = utf8Decode(data).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let proper = 0;
  let misformatted = 0;
  let failures = 0;
  let mismatched = 0;
  let matched = false;
  for (const [i, raw] of lines.entries()) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '' || line.startsWith('#')) continue;
    const parsed = parseCheckLine(line, which);
    if (!parsed) {
      misformatted++;
      if (f.warn) await tool.error(`${quoteIfNeeded(shownList)}: ${i + 1}: improperly formatted ${which.tag} checksum line`);
      continue;
    }
    proper++;
    // In reports a name is escaped only when it holds a newline.
    const [esc, shown] = parsed.name.includes('\n') ? escapeName(parsed.name) : [false, parsed.name];
    const prefix = esc ? '\\' : '';
    const got = await hashFile(tool, which.algo, parsed.name);
    if (typeof got === 'string') {
      if (f.ignoreMissing && got === strerror('ENOENT')) continue;
      failures++;
      await tool.out.flush();
      if (!f.status) {
        await tool.error(`${quoteIfNeeded(parsed.name)}: ${got}`);
        await tool.out.write(`${prefix}${shown}: FAILED open or read\n`);
      }
      continue;
    }
    // A "TAG-BITS" line gives only the digest's first BITS.
    const ok = hex(got).slice(0, parsed.hash.length) === parsed.hash;
    if (ok) matched = true;
    else mismatched++;
    if (!f.status && (!ok || !f.quiet)) await tool.out.write(`${prefix}${shown}: ${ok ? 'OK' : 'FAILED'}\n`);
  }
  await tool.out.flush();
  if (proper === 0) {
    await tool.error(`${quoteIfNeeded(shownList)}: no properly formatted checksum lines found`);
    return false;
  }
  if (!f.status) {
    if (misformatted) await tool.error(plural(misformatted, 'line is improperly formatted', 'lines are improperly formatted'));
    if (failures) await tool.error(plural(failures, 'listed file could not be read', 'listed files could not be read'));
    if (mismatched) await tool.error(plural(mismatched, 'computed checksum did NOT match', 'computed checksums did NOT match'));
    if (f.ignoreMissing && !matched) await tool.error(`${quoteIfNeeded(shownList)}: no file was verified`);
  }
  return matched && mismatched === 0 && failures === 0 && (!f.strict || misformatted === 0);
}

/** One output line with its end: "HASH  NAME", "HASH *NAME" or "ALGO (NAME) = HASH". */
export function digestLine(algo: Algorithm, name: string, got: Uint8Array, how: { tag: boolean; binary: boolean; zero: boolean }): string {
  const [esc, shown] = how.zero ? [false, name] : escapeName(name);
  const line = how.tag ? `${esc ? '\\' : ''}${algo.tag} (${shown}) = ${hex(got)}` : `${esc ? '\\' : ''}${hex(got)} ${how.binary ? '*' : ' '}${shown}`;
  return line + (how.zero ? '\0' : '\n');
}

export function runDigest(sys: Sys, algo: Algorithm): Promise<number> {
  // As a busybox applet it is busybox's tool, with its own few options and words.
  if (isBusybox(sys)) return import('./digest-busybox.ts').then((m) => m.runBusyboxDigest(sys, algo));
  const meta = digestMeta(algo);
  return runTool(sys, meta, async (tool) => {
    if (!tool.busybox) tool.plainWriteError();
    const a = tool.args;
    const check = a.has('check');
    const mode = a.last('binary', 'text');
    const tag = a.has('tag');
    const zero = a.has('zero');
    if (tag && mode === 'text') return tool.usage(`${algo.program}: --tag does not support --text mode`);
    if (zero && check) return tool.usage(`${algo.program}: the --zero option is not supported when verifying checksums`);
    if (check && mode) return tool.usage(`${algo.program}: the --binary and --text options are meaningless when verifying checksums`);
    if (check && tag) return tool.usage(`${algo.program}: the --tag option is meaningless when verifying checksums`);
    for (const [opt, text] of [['ignore-missing', 'the --ignore-missing option is meaningful only when verifying checksums'],
      ['status', 'the --status option is meaningful only when verifying checksums'], ['warn', 'the --warn option is meaningful only when verifying checksums'],
      ['quiet', 'the --quiet option is meaningful only when verifying checksums'], ['strict', 'the --strict option is meaningful only when verifying checksums']] as const) {
      if (!check && a.has(opt)) return tool.usage(`${algo.program}: ${text}`);
    }
    const files = a.operands.length ? a.operands : ['-'];
    let ok = true;
    if (check) {
      const flags: CheckFlags = { quiet: a.has('quiet'), status: a.has('status'), strict: a.has('strict'), warn: a.has('warn'), ignoreMissing: a.has('ignore-missing') };
      for (const name of files) if (!(await checkFile(tool, { algo, tag: algo.tag }, name, flags))) ok = false;
      return ok ? 0 : 1;
    }
    const binary = mode === 'binary';
    for (const name of files) {
      const got = await hashFile(tool, algo, name);
      if (typeof got === 'string') {
        await tool.out.flush();
        await tool.error(`${quoteIfNeeded(name)}: ${got}`);
        ok = false;
        continue;
      }
      await tool.out.write(utf8Encode(digestLine(algo, name, got, { tag, binary, zero })));
    }
    // GNU's tools close a standard input they read; a closed one fails there too.
    if (!tool.busybox && files.includes('-')) await tool.closeStdin('standard input');
    return ok && tool.status === 0 ? 0 : 1;
  });
}
