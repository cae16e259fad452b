// Phase 1 of the Dockerfile frontend (BuildKit's frontend/dockerfile/parser): bytes to logical
// instructions. Parser directives at the top, continuation lines with the escape character,
// comments and blank lines inside continuations, heredoc bodies, and each instruction's
// arguments split the way its keyword wants (JSON-or-string, name=value pairs, words...).
// Nothing is substituted here and nothing is validated beyond what BuildKit's parser checks.

import { DockerfileError, LexError } from './errors.ts';
import { utf8Decode, utf8Length } from '../../../base/text.ts';
import { processWords } from './shell-lex.ts';
import { goQuote } from '../../go-style.ts';

export interface Heredoc {
  /** The delimiter with its quotes removed; also the name of a COPY/ADD inline file. */
  name: string;
  /** The raw body: every line with its "\n", without the terminator. */
  content: string;
  /** False when any part of the delimiter was quoted. */
  expand: boolean;
  /** `<<-`: leading tabs are removed from the body when it is used. */
  chomp: boolean;
  fd: number;
}

export interface Directive {
  name: string;
  value: string;
  line: number;
}

export interface Node {
  /** The keyword in lower case ("run", "copy", or an unknown word). */
  keyword: string;
  /** The keyword as written. */
  keywordRaw: string;
  /** `--name[=value]` words before the arguments, quotes removed. */
  flags: string[];
  /** Arguments split as the keyword's parser wants them. */
  args: string[];
  /** True when the arguments were a JSON array (exec form). */
  json: boolean;
  /** The whole rest of the line after keyword and flags, trimmed. */
  rest: string;
  /** The logical line as joined (continuations removed). */
  original: string;
  heredocs: Heredoc[];
  /** ENV/LABEL written in the legacy `KEY value` form. */
  legacy?: boolean;
  /** For ONBUILD: the trigger instruction. */
  sub?: Node;
  line: number;
  endLine: number;
}

export interface Warning {
  message: string;
  line: number;
}

export interface ParseResult {
  nodes: Node[];
  directives: Directive[];
  escape: string;
  warnings: Warning[];
}

const MAX_LINE = 65535;
const DIRECTIVE_RE = /^#\s*([A-Za-z][A-Za-z0-9]*)\s*=\s*(.+?)\s*$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const WS_SPLIT = /[\t\v\f\r ]+/;
const HEREDOC_RE = /^(\d*)<<(-?)\s*([^<]*)$/;
const HEREDOC_KEYWORDS = new Set(['run', 'copy', 'add']);

export class DirectiveScanner {
  done = false;
  readonly seen = new Map<string, Directive>();
  escape = '\\';

  /** Looks at one physical line (1-based `line`); throws on a repeated or bad directive. */
  scan(text: string, line: number): void {
    if (this.done) return;
    const m = DIRECTIVE_RE.exec(text);
    if (!m) {
      this.done = true;
      return;
    }
    const key = m[1]!.toLowerCase();
    if (!KNOWN_DIRECTIVES.has(key)) {
      this.done = true;
      return;
    }
    if (this.seen.has(key)) throw new DockerfileError(`only one ${key} parser directive can be used`, line);
    const value = m[2]!;
    if (key === 'escape') {
      if (value !== '\\' && value !== '`') throw new DockerfileError(`invalid escape token '${value}' does not match \` or \\`, line);
      this.escape = value;
    }
    this.seen.set(key, { name: key, value, line });
  }
}

function trimLeft(s: string): string {
  return s.replace(/^[ \t\v\f\r\n]+/, '');
}

function isComment(s: string): boolean {
  return trimLeft(s).startsWith('#');
}

function escapeRe(c: string): string {
  return c.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** Splits `line` into its physical lines without their line ends ("\r\n" or "\n"). */
function physicalLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** Parses the whole file; throws DockerfileError for what BuildKit's parser rejects. */
export function parseDockerfile(input: string | Uint8Array): ParseResult {
  let text = typeof input === 'string' ? input : utf8Decode(input);
  if (text.length === 0) throw new DockerfileError('the Dockerfile cannot be empty', 0);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = physicalLines(text);
  const dirs = new DirectiveScanner();
  const warnings: Warning[] = [];
  const nodes: Node[] = [];
  let i = 0;
  const checkLength = (n: number): void => {
    if (utf8Length(lines[n]!) > MAX_LINE) throw new DockerfileError(`dockerfile line greater than max allowed size of ${MAX_LINE}`, n + 1);
  };
  // The continuation regexes depend on the escape character, which the directives may change.
  const contRe = (): RegExp => {
    const e = escapeRe(dirs.escape);
    return new RegExp(`([^${e}])${e}[ \\t]*$|^${e}[ \\t]*$`);
  };
  const trimContinuation = (s: string): [string, boolean] => {
    const re = contRe();
    if (re.test(s)) return [s.replace(re, '$1'), false];
    return [s, true];
  };
  while (i < lines.length) {
    checkLength(i);
    const raw = lines[i]!;
    const stripped = trimLeft(raw);
    dirs.scan(stripped, i + 1);
    i++;
    const startLine = i;
    const first = isComment(stripped) ? '' : stripped;
    let [line, ended] = trimContinuation(first);
    if (ended && line === '') continue;
    let emptyContinuation = false;
    while (!ended && i < lines.length) {
      checkLength(i);
      const next = lines[i]!;
      dirs.scan(next, i + 1);
      i++;
      if (isComment(next)) continue;
      if (trimLeft(next).length === 0) {
        emptyContinuation = true;
        continue;
      }
      const [cont, e] = trimContinuation(next);
      ended = e;
      line += cont;
    }
    if (emptyContinuation) warnings.push({ message: `Empty continuation line found in: ${line}`, line: startLine });
    let node: Node;
    try {
      node = nodeFromLine(line, dirs.escape, startLine, i);
    } catch (e) {
      throw relocate(e, startLine, i);
    }
    if (canContainHeredoc(node) && line.includes('<<')) {
      let docs: Heredoc[];
      try {
        docs = heredocsFromLine(line);
      } catch (e) {
        throw relocate(e, startLine, i);
      }
      for (const doc of docs) {
        let terminated = false;
        while (i < lines.length) {
          const body = lines[i]!;
          i++;
          const candidate = doc.chomp ? body.replace(/^\t+/, '') : body;
          if (candidate === doc.name) {
            terminated = true;
            break;
          }
          doc.content += body + '\n';
        }
        if (!terminated) throw new DockerfileError('unterminated heredoc', startLine, i);
        node.heredocs.push(doc);
      }
      if (node.sub) node.sub.heredocs = node.heredocs;
    }
    node.endLine = i;
    nodes.push(node);
  }
  if (nodes.length === 0) throw new DockerfileError('file with no instructions', Math.max(lines.length, 1));
  return { nodes, directives: [...dirs.seen.values()], escape: dirs.escape, warnings };
}

function relocate(e: unknown, line: number, endLine: number): unknown {
  if (e instanceof DockerfileError) return e.line > 0 ? e : e.at(line, endLine);
  if (e instanceof LexError) return new DockerfileError(e.message, line, endLine);
  return e;
}

function canContainHeredoc(node: Node): boolean {
  const n = node.sub ?? node;
  return HEREDOC_KEYWORDS.has(n.keyword) && !n.json;
}

/** The heredoc markers of a logical line, in order (BuildKit's heredocsFromLine). */
export function heredocsFromLine(line: string): Heredoc[] {
  const words = processWords(line, () => undefined, { rawQuotes: true, rawEscapes: true });
  const docs: Heredoc[] = [];
  for (const w of words) {
    const d = parseHeredoc(w);
    if (d) docs.push(d);
  }
  return docs;
}

/** A word such as `<<EOF`, `<<-'EOT'` or `3<<X` as a heredoc marker, or null. */
export function parseHeredoc(word: string): Heredoc | null {
  const m = HEREDOC_RE.exec(word);
  if (!m) return null;
  const rest = m[3]!;
  if (rest.length === 0) return null;
  const none = (): undefined => undefined;
  const words = processWords(rest, none, { skipUnsetEnv: true });
  if (words.length !== 1) return null;
  const rawWords = processWords(rest, none, { skipUnsetEnv: true, rawQuotes: true });
  const count = (s: string): number => (s.match(/['"]/g) ?? []).length;
  return { name: words[0]!, content: '', expand: count(words[0]!) === count(rawWords[0] ?? ''), chomp: m[2] === '-', fd: m[1] ? Number(m[1]) : 0 };
}

/** Removes leading tabs from every line (`<<-`). */
export function chompHeredoc(content: string): string {
  return content.replace(/^\t+/gm, '');
}

/** Keyword, flags and the rest of a logical line (BuildKit's splitCommand). */
export function splitCommand(line: string): { keyword: string; flags: string[]; rest: string } {
  const trimmed = line.trim();
  const m = /[\t\v\f\r ]+/.exec(trimmed);
  if (!m) return { keyword: trimmed, flags: [], rest: '' };
  const keyword = trimmed.slice(0, m.index);
  const { rest, flags } = extractFlags(trimmed.slice(m.index + m[0].length));
  return { keyword, flags, rest: rest.trim() };
}

const isSpaceCh = (c: string): boolean => /\s/.test(c);

/** Leading `--flag` words (quotes removed, `\` escapes), up to the first other word or `--`. */
function extractFlags(line: string): { rest: string; flags: string[] } {
  const words: string[] = [];
  const IN_SPACES = 0;
  const IN_WORD = 1;
  const IN_QUOTE = 2;
  let phase = IN_SPACES;
  let word = '';
  let quote = '';
  let blankOK = false;
  for (let pos = 0; pos <= line.length; pos++) {
    let ch = pos < line.length ? line[pos]! : '';
    if (phase === IN_SPACES) {
      if (pos === line.length) break;
      if (isSpaceCh(ch)) continue;
      if (ch !== '-' || pos + 1 === line.length || line[pos + 1] !== '-') return { rest: line.slice(pos), flags: words };
      phase = IN_WORD;
    }
    if (pos === line.length) {
      if (word !== '--' && (blankOK || word.length > 0)) words.push(word);
      break;
    }
    if (phase === IN_WORD) {
      if (isSpaceCh(ch)) {
        phase = IN_SPACES;
        if (word === '--') return { rest: line.slice(pos), flags: words };
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = IN_QUOTE;
        continue;
      }
      if (ch === '\\') {
        if (pos + 1 === line.length) continue;
        ch = line[++pos]!;
      }
      word += ch;
      continue;
    }
    if (ch === quote) {
      phase = IN_WORD;
      continue;
    }
    if (ch === '\\') {
      if (pos + 1 === line.length) {
        phase = IN_WORD;
        continue;
      }
      ch = line[++pos]!;
    }
    word += ch;
  }
  return { rest: '', flags: words };
}

export const NOT_STRING_ARRAY = 'when using JSON array syntax, arrays must be comprised of strings only';

/** A JSON array of strings, or null when the text is not JSON (the shell-form fallback). */
export function parseJsonArray(rest: string): string[] | null {
  const t = trimLeft(rest);
  if (!t.startsWith('[')) return null;
  let v: unknown;
  try {
    v = JSON.parse(t);
  } catch {
    return null;
  }
  if (!Array.isArray(v)) return null;
  for (const x of v) if (typeof x !== 'string') throw new DockerfileError(NOT_STRING_ARRAY, 0);
  return v as string[];
}

/** Quote-aware words for ENV, LABEL and ARG (BuildKit's parseWords); quotes are kept. */
export function parseWords(rest: string, escape: string): string[] {
  const words: string[] = [];
  const chars = Array.from(rest);
  let phase = 0; // 0 spaces, 1 word, 2 quote
  let word = '';
  let quote = '';
  let blankOK = false;
  for (let pos = 0; pos <= chars.length; pos++) {
    let ch = pos < chars.length ? chars[pos]! : '';
    if (phase === 0) {
      if (pos === chars.length) break;
      if (isSpaceCh(ch)) continue;
      phase = 1;
    }
    if (pos === chars.length) {
      if (blankOK || word.length > 0) words.push(word);
      break;
    }
    if (phase === 1) {
      if (isSpaceCh(ch)) {
        phase = 0;
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 2;
      }
      if (ch === escape) {
        if (pos + 1 === chars.length) continue;
        word += ch;
        ch = chars[++pos]!;
      }
      word += ch;
      continue;
    }
    if (ch === quote) phase = 1;
    if (ch === escape && quote !== "'") {
      if (pos + 1 === chars.length) {
        phase = 1;
        continue;
      }
      word += ch;
      ch = chars[++pos]!;
    }
    word += ch;
  }
  return words;
}

/** ENV and LABEL: `k=v k2=v2` pairs or the legacy `k value...`, as [key, value, key, value...]. */
function parseNameVal(rest: string, keyword: string, escape: string, node: Node): string[] {
  const words = parseWords(rest, escape);
  if (words.length === 0) return [];
  if (!words[0]!.includes('=')) {
    const m = WS_SPLIT.exec(rest);
    if (!m) throw new DockerfileError(`${keyword} must have two arguments`, 0);
    node.legacy = true;
    return [rest.slice(0, m.index), rest.slice(m.index + m[0].length)];
  }
  const out: string[] = [];
  for (const w of words) {
    if (!w.includes('=')) throw new DockerfileError(`Syntax error - can't find = in ${goQuote(w)}. Must be of the form: name=value`, 0);
    const eq = w.indexOf('=');
    out.push(w.slice(0, eq), w.slice(eq + 1));
  }
  return out;
}

function splitWhitespace(rest: string): string[] {
  return rest === '' ? [] : rest.split(WS_SPLIT);
}

function jsonOr(rest: string, fallback: (r: string) => string[]): { args: string[]; json: boolean } {
  const j = parseJsonArray(rest);
  if (j) return { args: j, json: true };
  return { args: fallback(rest), json: false };
}

/** One logical line as a node: keyword, flags and the arguments parsed per keyword. */
export function nodeFromLine(line: string, escape: string, lineNo = 0, endLine = lineNo): Node {
  const { keyword: keywordRaw, flags, rest } = splitCommand(line);
  const keyword = keywordRaw.toLowerCase();
  const node: Node = { keyword, keywordRaw, flags, args: [], json: false, rest, original: line.trim(), heredocs: [], line: lineNo, endLine };
  const one = (r: string): string[] => (r === '' ? [] : [r]);
  switch (keyword) {
    case 'run':
    case 'cmd':
    case 'entrypoint':
    case 'shell': {
      if (rest === '') break;
      const r = jsonOr(rest, one);
      node.args = r.args;
      node.json = r.json;
      break;
    }
    case 'copy':
    case 'add':
    case 'volume': {
      if (rest === '') break;
      const r = jsonOr(rest, splitWhitespace);
      node.args = r.args;
      node.json = r.json;
      break;
    }
    case 'env':
    case 'label':
      node.args = parseNameVal(rest, keyword.toUpperCase(), escape, node);
      break;
    case 'arg':
      node.args = parseWords(rest, escape);
      break;
    case 'from':
    case 'expose':
      node.args = splitWhitespace(rest);
      break;
    case 'workdir':
    case 'user':
    case 'stopsignal':
    case 'maintainer':
      node.args = one(rest);
      break;
    case 'healthcheck': {
      const m = /\s/.exec(rest);
      const sep = m ? m.index : rest.length;
      if (sep === 0) break;
      const typ = rest.slice(0, sep);
      const after = trimLeft(rest.slice(sep));
      node.args = [typ];
      if (after !== '') {
        const r = jsonOr(after, one);
        node.args.push(...r.args);
        node.json = r.json;
      }
      break;
    }
    case 'onbuild':
      if (rest === '') break;
      node.sub = nodeFromLine(rest, escape, lineNo, endLine);
      node.args = [node.sub.keyword, node.sub.original];
      break;
    default:
      break;
  }
  return node;
}
