// nl (GNU coreutils): number lines. Body lines are numbered by style (-b t: non-empty, a: all,
// n: none, pBRE: matching lines); logical pages split at \:\:\: (header), \:\: (body) and \:
// (footer) lines, each section with its own style, numbering restarting at each one unless -p.
// Numbers are -w wide in the -n format (ln, rn, rz), followed by the -s separator.

import { isSysError, strerror } from '../../abi/errno.ts';
import { utf8Encode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { bytesToText, compileRegex, RegexError, type Matcher } from '../lib/regex.ts';
import { runTool, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'nl', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [FILE]...'],
  summary: 'Write each FILE to standard output with line numbers added.\nWith no FILE, or FILE "-", read standard input.',
  options: [
    { short: 'b', long: 'body-numbering', arg: 'required', argName: 'STYLE', help: 'which body lines to number (default t)' },
    { short: 'd', long: 'section-delimiter', arg: 'required', argName: 'CC', help: 'the two characters that mark sections (default \\:)' },
    { short: 'f', long: 'footer-numbering', arg: 'required', argName: 'STYLE', help: 'which footer lines to number (default n)' },
    { short: 'h', long: 'header-numbering', arg: 'required', argName: 'STYLE', help: 'which header lines to number (default n)' },
    { short: 'i', long: 'line-increment', arg: 'required', argName: 'NUMBER', help: 'add NUMBER from one line number to the next' },
    { short: 'l', long: 'join-blank-lines', arg: 'required', argName: 'NUMBER', help: 'count NUMBER empty lines in a row as one' },
    { short: 'n', long: 'number-format', arg: 'required', argName: 'FORMAT', help: 'ln (left), rn (right) or rz (right, zeros)' },
    { short: 'p', long: 'no-renumber', help: 'do not restart numbering at each section' },
    { short: 's', long: 'number-separator', arg: 'required', argName: 'STRING', help: 'put STRING after each number (default TAB)' },
    { short: 'v', long: 'starting-line-number', arg: 'required', argName: 'NUMBER', help: 'the first line number of each section' },
    { short: 'w', long: 'number-width', arg: 'required', argName: 'NUMBER', help: 'line numbers take NUMBER columns (default 6)' },
  ],
  epilog: 'STYLE is a (all lines), t (non-empty lines), n (no lines) or pBRE (lines matching BRE).',
};

const INTMAX = (1n << 63n) - 1n;
const INTMIN = -(1n << 63n);

interface Style {
  kind: 'a' | 't' | 'n' | 'p';
  regex?: Matcher;
}

class NlError extends Error {
  constructor(message: string, readonly usage = false) {
    super(message);
  }
}

function parseStyle(text: string, what: string): Style {
  const k = text[0];
  if (k === 'a' || k === 't' || k === 'n') {
    if (text.length === 1) return { kind: k };
  } else if (k === 'p') {
    try {
      return { kind: 'p', regex: compileRegex(text.slice(1), { syntax: 'basic' }) };
    } catch (e) {
      if (e instanceof RegexError) throw new NlError(e.message);
      throw e;
    }
  }
  throw new NlError(`invalid ${what} numbering style: ${quote(text)}`, true);
}

/** gnulib's xdectoimax: an integer in [min, max], or its message (EOVERFLOW far out, else ERANGE). */
function parseInt(text: string, min: bigint, max: bigint, what: string): bigint {
  if (!/^[ \t]*[-+]?[0-9]+$/.test(text)) throw new NlError(`${what}: ${quote(text)}`);
  const n = BigInt(text.trim());
  if (n >= min && n <= max) return n;
  const far = n > INTMAX || n < INTMIN || n > 1073741823n || n < -1073741824n;
  throw new NlError(`${what}: ${quote(text)}: ${far ? 'Value too large for defined data type' : 'Numerical result out of range'}`);
}

export default function nl(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    const styles: Record<string, Style> = { header: { kind: 'n' }, body: { kind: 't' }, footer: { kind: 'n' } };
    let incr = 1n;
    let join = 1n;
    let format = 'rn';
    let sep = utf8Encode('\t');
    let start = 1n;
    let width = 6;
    let delim = '\\:';
    try {
      for (const o of a.options) {
        const v = o.value!;
        switch (o.key) {
          case 'body-numbering': styles.body = parseStyle(v, 'body'); break;
          case 'header-numbering': styles.header = parseStyle(v, 'header'); break;
          case 'footer-numbering': styles.footer = parseStyle(v, 'footer'); break;
          case 'line-increment': incr = parseInt(v, INTMIN, INTMAX, 'invalid line number increment'); break;
          case 'join-blank-lines': join = parseInt(v, 1n, INTMAX, 'invalid line number of blank lines'); break;
          case 'number-format':
            if (!['ln', 'rn', 'rz'].includes(v)) throw new NlError(`invalid line numbering format: ${quote(v)}`, true);
            format = v;
            break;
          case 'number-separator': sep = utf8Encode(v); break;
          case 'starting-line-number': start = parseInt(v, INTMIN, INTMAX, 'invalid starting line number'); break;
          case 'number-width': width = Number(parseInt(v, 1n, 2147483647n, 'invalid line number field width')); break;
          case 'section-delimiter': delim = v.length === 1 ? `${v}:` : v; break;
        }
      }
    } catch (e) {
      if (!(e instanceof NlError)) throw e;
      if (e.usage) return tool.usage(`nl: ${e.message}`);
      await tool.error(e.message);
      return 1;
    }
    const renumber = !a.has('no-renumber');
    const noNumber = utf8Encode(' '.repeat(width + sep.length));
    const marks = new Map<string, string>(delim === '' ? [] : [[delim.repeat(3), 'header'], [delim.repeat(2), 'body'], [delim, 'footer']]);
    let section = 'body';
    let lineNo = start;
    let blanks = 0n;
    let overflow = false;
    const printNumber = async (): Promise<void> => {
      // As GNU: the number that wraps is still printed; asking for the next one is the error.
      if (overflow) throw new NlError('line number overflow');
      const digits = lineNo.toString();
      const text = format === 'ln' ? digits.padEnd(width) : format === 'rz' ? (lineNo < 0n ? `-${(-lineNo).toString().padStart(width - 1, '0')}` : digits.padStart(width, '0')) : digits.padStart(width);
      await tool.out.write(text);
      await tool.out.write(sep);
      const next = lineNo + incr;
      if (next > INTMAX || next < INTMIN) overflow = true;
      else lineNo = next;
    };
    const line = async (bytes: Uint8Array): Promise<void> => {
      const text = bytesToText(bytes, false);
      const mark = marks.get(text);
      if (mark) {
        section = mark;
        if (renumber) lineNo = start;
        await tool.out.write('\n');
        return;
      }
      const style = styles[section]!;
      let numbered: boolean;
      if (style.kind === 'a') {
        if (join > 1n) {
          numbered = bytes.length > 0 || ++blanks === join;
          if (numbered) blanks = 0n;
        } else numbered = true;
      } else if (style.kind === 't') numbered = bytes.length > 0;
      else if (style.kind === 'n') numbered = false;
      else numbered = style.regex!.test(text);
      if (numbered) await printNumber();
      else await tool.out.write(noNumber);
      await tool.out.write(bytes);
      await tool.out.write('\n');
    };
    for (const name of a.operands.length ? a.operands : ['-']) {
      let fd = 0;
      try {
        if (name !== '-') fd = await sys.open(name, 0);
        await eachLine(tool, fd, line);
      } catch (e) {
        if (e instanceof NlError) {
          await tool.error(e.message);
          return 1;
        }
        if (!isSysError(e)) throw e;
        await tool.error(`${quoteIfNeeded(name)}: ${strerror(e.code)}`);
      } finally {
        if (fd !== 0) await sys.close(fd);
      }
    }
    // GNU's tools close a standard input they read; a closed one fails there too.
    if (!tool.busybox && (a.operands.length === 0 || a.operands.includes('-'))) await tool.closeStdin();
  });
}

async function eachLine(tool: Tool, fd: number, use: (line: Uint8Array) => Promise<void>): Promise<void> {
  let pending = new Uint8Array(0);
  for (let chunk = await tool.sys.read(fd, 65536); chunk.length > 0; chunk = await tool.sys.read(fd, 65536)) {
    let buf = chunk;
    if (pending.length) {
      buf = new Uint8Array(pending.length + chunk.length);
      buf.set(pending);
      buf.set(chunk, pending.length);
    }
    let at = 0;
    for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10, at)) {
      await use(buf.subarray(at, nl));
      at = nl + 1;
    }
    pending = buf.slice(at);
  }
  if (pending.length) await use(pending);
}
