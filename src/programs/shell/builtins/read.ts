// read, as dash's: one line from fd 0 read a byte at a time (so what follows stays for the next
// reader; from a regular file a block is read and the offset put back), backslash escapes
// unless -r, then IFS splitting where the last variable takes the rest of the line with its
// trailing IFS whitespace trimmed. Status 1 at end of file, after assigning what was read.

import { isSysError } from '../../../abi/errno.ts';
import { isReg } from '../../../abi/stat.ts';
import { defineBuiltin } from '../builtin-table.ts';
import { bytesToLatin1 } from '../bytes.ts';
import { isName } from '../lexer.ts';
import type { Shell } from '../shell.ts';
import { isTerminal } from '../tty.ts';
import { parseOpts } from './options.ts';

const SEEK_CUR = 1;
const WHITE = ' \t\n';

/** Read one line (without its newline); eof is true if input ended first. */
async function readLine(sh: Shell, raw: boolean): Promise<{ chars: string; esc: boolean[]; eof: boolean }> {
  let chars = '';
  const esc: boolean[] = [];
  let regular = false;
  try {
    regular = isReg((await sh.sys.fstat(0)).mode);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  let buf = '';
  let pos = 0;
  let backslash = false;
  const next = async (): Promise<string | null> => {
    if (pos < buf.length) return buf[pos++]!;
    for (;;) {
      let chunk: Uint8Array;
      try {
        chunk = await sh.sys.read(0, regular ? 512 : 1);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (e.code === 'EINTR') continue;
        return null;
      }
      if (chunk.length === 0) return null;
      buf = bytesToLatin1(chunk);
      pos = 0;
      return buf[pos++]!;
    }
  };
  let eof = false;
  for (;;) {
    const c = await next();
    if (c === null) {
      eof = true;
      break;
    }
    if (c === '\0') continue;
    if (backslash) {
      backslash = false;
      if (c === '\n') continue;
      chars += c;
      esc.push(true);
      continue;
    }
    if (!raw && c === '\\') {
      backslash = true;
      continue;
    }
    if (c === '\n') break;
    chars += c;
    esc.push(false);
  }
  if (regular && pos < buf.length) {
    try {
      await sh.sys.lseek(0, -(buf.length - pos), SEEK_CUR);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
  return { chars, esc, eof };
}

/** Split for `count` variables: the last one gets the remainder (dash's ifsbreakup with maxargs). */
export function readSplit(s: string, esc: boolean[], ifs: string, count: number): string[] {
  const fields: string[] = [];
  const isIfs = (i: number): boolean => !esc[i] && ifs.includes(s[i]!);
  let start = 0;
  let i = 0;
  while (i < s.length) {
    if (!isIfs(i)) {
      i++;
      continue;
    }
    let spc = WHITE.includes(s[i]!);
    if (i === start && spc) {
      i++;
      start = i;
      continue;
    }
    if (fields.length === count - 1) break;
    fields.push(s.slice(start, i));
    i++;
    while (i < s.length && isIfs(i)) {
      if (WHITE.includes(s[i]!)) i++;
      else if (spc) {
        spc = false;
        i++;
      } else break;
    }
    start = i;
  }
  let end = s.length;
  while (end > start && isIfs(end - 1) && WHITE.includes(s[end - 1]!)) end--;
  if (end > start || fields.length < count) fields.push(s.slice(start, end));
  return fields;
}

defineBuiltin('read', false, async (sh, argv) => {
  const { opts, rest: names } = parseOpts(sh, argv, 'p:r');
  let raw = false;
  let prompt: string | undefined;
  for (const [c, arg] of opts) {
    if (c === 'r') raw = true;
    else prompt = arg;
  }
  // ash reads the whole line, unsplit, into REPLY when no name is given; dash wants a name.
  const rest = names.length ? names : sh.dialect.readDefaultName !== null ? [sh.dialect.readDefaultName] : sh.error('arg count');
  for (const name of rest) if (!isName(name)) sh.error(`${name}: bad variable name`);
  if (prompt !== undefined && (await isTerminal(sh, 0))) await sh.writeFd(2, prompt);
  const line = await readLine(sh, raw);
  const fields = names.length ? readSplit(line.chars, line.esc, sh.ifs, rest.length) : [line.chars];
  rest.forEach((name, i) => sh.setVar(name, fields[i] ?? ''));
  return line.eof ? 1 : 0;
});
