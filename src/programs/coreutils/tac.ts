// tac (GNU coreutils): each file (or standard input) with its records in reverse order. A record
// ends with the separator (newline unless -s); -b puts the separator at the start of the record
// instead; -r reads the separator as a regular expression in GNU's default (Emacs) syntax, where
// + and ? are operators without a backslash. Like GNU's, the search runs from the end of the
// file backwards, so overlapping separators split where a backward scan meets them.

import { isSysError, strerror } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { bytesToText, compileRegex, type Matcher, RegexError, textToBytes } from '../lib/regex.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'tac', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [FILE]...'],
  summary: 'Write each FILE to standard output with its lines (records) in reverse order; with no\nFILE, or FILE "-", read standard input.',
  options: [
    { short: 'b', long: 'before', help: 'the separator belongs to the record after it, not before' },
    { short: 'r', long: 'regex', help: 'read the separator as a regular expression' },
    { short: 's', long: 'separator', arg: 'required', argName: 'STRING', help: 'end records with STRING instead of a newline' },
  ],
};

/**
 * Emacs syntax (re_syntax_options 0) written as the GNU BRE our regex library reads. The library
 * is asked for newline anchors (glibc's newline_anchor, which re_compile_pattern sets), which
 * also keeps `[^...]` off newlines; Emacs syntax lets `[^...]` match one, so each such list is
 * widened with an alternative newline (unless back-references would count the added group).
 */
function emacsToBasic(pattern: string): string {
  const widen = !/\\[1-9]/.test(pattern);
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '[') {
      // A bracket expression is the same in both: copy it to its closing ']'.
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') {
        const cls = /^\[[:.=]/.exec(pattern.slice(j));
        if (cls) {
          const end = pattern.indexOf(`${pattern[j + 1]}]`, j + 2);
          j = end < 0 ? pattern.length : end + 2;
        } else j++;
      }
      const list = pattern.slice(i, j + 1);
      out += widen && list.startsWith('[^') ? `\\(${list}\\|\n\\)` : list;
      i = j;
    } else if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i]!;
      out += n === '+' || n === '?' || n === '{' || n === '}' ? n : `\\${n}`;
    } else if (c === '+' || c === '?') out += `\\${c}`;
    else out += c;
  }
  return out;
}

function compileSeparator(pattern: string): Matcher {
  // glibc says REG_BADPAT, not REG_EBRACK, when the pattern ends inside the bracket's opening.
  if (/\[\^?$/.test(pattern) && !/\\\[\^?$/.test(pattern)) throw new RegexError('Invalid regular expression');
  return compileRegex(emacsToBasic(pattern), { syntax: 'basic', dialect: 'regcomp', multiline: true });
}

/** The match that starts last in text[0, limit), as re_search with a backward range finds it. */
function lastMatch(m: Matcher, text: string, limit: number): [number, number] | null {
  const t = text.slice(0, limit);
  for (let width = 1024, hi = limit + 1; hi > 0; hi -= width, width *= 2) {
    const lo = Math.max(0, hi - width);
    let found: RegExpExecArray | null = null;
    for (let at = lo; at < hi && at <= t.length;) {
      const r = m.exec(t, at);
      if (!r || r.index >= hi) break;
      // An empty match at the very end makes no record.
      if (!(r[0].length === 0 && r.index === limit)) found = r;
      at = r.index + 1;
    }
    if (found) return [found.index, found.index + found[0].length];
  }
  return null;
}

/** Where records are cut: separator ends (or starts with -b), found backwards from the end. */
function cutPoints(text: string, sep: string, regex: Matcher | null, before: boolean): number[] {
  const cuts: number[] = [];
  let limit = text.length;
  for (;;) {
    let match: [number, number] | null;
    if (regex) match = lastMatch(regex, text, limit);
    else {
      const s = sep === '' ? -1 : text.lastIndexOf(sep, limit - sep.length);
      match = s < 0 || limit - sep.length < 0 ? null : [s, s + sep.length];
    }
    if (!match) break;
    cuts.push(before ? match[0] : match[1]);
    limit = match[0];
  }
  return cuts;
}

function reverseRecords(text: string, sep: string, regex: Matcher | null, before: boolean): string {
  const parts: string[] = [];
  let end = text.length;
  for (const cut of cutPoints(text, sep, regex, before)) {
    parts.push(text.slice(cut, end));
    end = cut;
  }
  parts.push(text.slice(0, end));
  return parts.join('');
}

export default function tac(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    tool.wordWriteError({ midRun: () => 'tac: write error\n' });
    const a = tool.args;
    const sep = a.value('separator') ?? '\n';
    let regex: Matcher | null = null;
    if (a.has('regex')) {
      try {
        regex = compileSeparator(sep);
      } catch (e) {
        if (!(e instanceof RegexError)) throw e;
        await tool.error(e.message);
        return 1;
      }
    }
    const files = a.operands.length ? a.operands : ['-'];
    for (const name of files) {
      let fd = 0;
      if (name !== '-') {
        try {
          fd = await sys.open(name, 0);
        } catch (e) {
          await tool.sysError(e, `failed to open ${quote(name)} for reading`);
          continue;
        }
      }
      try {
        const data = await sys.readAll(fd);
        const text = bytesToText(data, false);
        await tool.out.write(textToBytes(reverseRecords(text, sep, regex, a.has('before')), false));
      } catch (e) {
        if (!isSysError(e)) throw e;
        await tool.error(`${name === '-' ? quote('standard input') : quoteIfNeeded(name)}: read error: ${strerror(e.code)}`);
      } finally {
        if (fd !== 0) await sys.close(fd);
      }
    }
    // GNU's tools close a standard input they read; a closed one fails there too.
    if (!tool.busybox && files.includes('-')) await tool.closeStdin();
  });
}
