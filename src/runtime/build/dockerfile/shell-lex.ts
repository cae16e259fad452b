// BuildKit's small shell-word lexer (frontend/dockerfile/shell/lex.go): quotes, the escape
// character and $VAR / ${VAR<modifier>} expansion, as the builder applies them to ENV, LABEL,
// ARG, WORKDIR, COPY... before running an instruction. The shell forms of RUN/CMD/ENTRYPOINT
// never come here: the shell in the container expands those.

import { LexError } from './errors.ts';

/** Looks a variable up; undefined means unset (different from set-but-empty). */
export type EnvLookup = (name: string) => string | undefined;

export interface LexOptions {
  escape?: string;
  /** Keep quote characters as ordinary text (heredoc bodies, heredoc detection). */
  rawQuotes?: boolean;
  /** Keep the escape character in the output (heredoc detection). */
  rawEscapes?: boolean;
  /** Leave `$X` literal when X is unset (heredoc detection). */
  skipUnsetEnv?: boolean;
}

const EOF = '';
const SPECIAL_PARAMS = new Set(['*', '#', '@', '!', '?', '-', '$']);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isNameChar = (c: string): boolean => /^[\p{L}\p{N}_]$/u.test(c);

/** Collects words the way lex.go's wordsStruct does: unquoted whitespace separates. */
class Words {
  words: string[] = [];
  word = '';
  inWord = false;
  addChar(ch: string): void {
    if (isSpace(ch) && this.inWord) {
      if (this.word.length !== 0) {
        this.words.push(this.word);
        this.word = '';
        this.inWord = false;
      }
    } else if (!isSpace(ch)) {
      this.addRawChar(ch);
    }
  }
  addRawChar(ch: string): void {
    this.word += ch;
    this.inWord = true;
  }
  addString(s: string): void {
    for (const ch of s) this.addChar(ch);
  }
  addRawString(s: string): void {
    this.word += s;
    this.inWord = true;
  }
  get(): string[] {
    if (this.word.length > 0) {
      this.words.push(this.word);
      this.word = '';
      this.inWord = false;
    }
    return this.words;
  }
}

class ShellWord {
  private readonly chars: string[];
  private pos = 0;
  constructor(
    text: string,
    private readonly env: EnvLookup,
    private readonly opts: Required<LexOptions>,
  ) {
    this.chars = Array.from(text);
  }

  private peek(): string {
    return this.pos < this.chars.length ? this.chars[this.pos]! : EOF;
  }
  private next(): string {
    return this.pos < this.chars.length ? this.chars[this.pos++]! : EOF;
  }

  process(): { word: string; words: string[] } {
    const r = this.processStopOn(EOF, this.opts.rawEscapes);
    return { word: r.word, words: r.words };
  }

  private processStopOn(stop: string, rawEscapes: boolean): { word: string; words: string[]; found: boolean } {
    let result = '';
    const words = new Words();
    const esc = this.opts.escape;
    while (this.peek() !== EOF) {
      let ch = this.peek();
      if (stop !== EOF && ch === stop) {
        this.next();
        return { word: result, words: words.get(), found: true };
      }
      const special = ch === '$' || (!this.opts.rawQuotes && (ch === "'" || ch === '"'));
      if (special) {
        const tmp = ch === '$' ? this.processDollar() : ch === "'" ? this.processSingleQuote() : this.processDoubleQuote();
        result += tmp;
        if (ch === '$') words.addString(tmp);
        else words.addRawString(tmp);
        continue;
      }
      ch = this.next();
      if (ch === esc) {
        if (rawEscapes) {
          words.addRawChar(ch);
          result += ch;
        }
        ch = this.next();
        if (ch === EOF) break;
        words.addRawChar(ch);
      } else {
        words.addChar(ch);
      }
      result += ch;
    }
    if (stop !== EOF) return { word: result, words: words.get(), found: false };
    return { word: result, words: words.get(), found: true };
  }

  private processSingleQuote(): string {
    this.next();
    let result = '';
    for (;;) {
      const ch = this.next();
      if (ch === EOF) throw new LexError('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") break;
      result += ch;
    }
    return result;
  }

  private processDoubleQuote(): string {
    this.next();
    let result = '';
    const esc = this.opts.escape;
    for (;;) {
      if (this.peek() === EOF) throw new LexError('unexpected end of statement while looking for matching double-quote');
      let ch = this.peek();
      if (ch === '"') {
        this.next();
        break;
      }
      if (ch === '$') {
        result += this.processDollar();
        continue;
      }
      ch = this.next();
      if (ch === esc) {
        if (this.opts.rawEscapes) result += ch;
        const p = this.peek();
        if (p === EOF) continue;
        if (p === '"' || p === '$' || p === esc) ch = this.next();
      }
      result += ch;
    }
    return result;
  }

  private getEnv(name: string): string | undefined {
    if (name === '' || isDigit(name[0]!) || SPECIAL_PARAMS.has(name)) return undefined;
    return this.env(name);
  }

  private processName(): string {
    let name = '';
    while (this.peek() !== EOF) {
      let ch = this.peek();
      if (name.length === 0 && isDigit(ch)) {
        while (this.peek() !== EOF && isDigit(this.peek())) name += this.next();
        return name;
      }
      if (name.length === 0 && SPECIAL_PARAMS.has(ch)) return this.next();
      if (!isNameChar(ch)) break;
      ch = this.next();
      name += ch;
    }
    return name;
  }

  private processDollar(): string {
    this.next();
    if (this.peek() !== '{') {
      const name = this.processName();
      if (name === '') return '$';
      const value = this.getEnv(name);
      if (value === undefined && this.opts.skipUnsetEnv) return '$' + name;
      return value ?? '';
    }
    this.next();
    const first = this.peek();
    if (first === EOF) throw new LexError("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') throw new LexError('syntax error: bad substitution');
    const name = this.processName();
    let ch = this.next();
    if (ch === EOF) throw new LexError("syntax error: missing '}'");
    let chs = ch;
    let nullIsUnset = false;
    if (ch === '}') {
      const value = this.getEnv(name);
      if (value === undefined && this.opts.skipUnsetEnv) return `\${${name}}`;
      return value ?? '';
    }
    if (ch === ':') {
      nullIsUnset = true;
      ch = this.next();
      chs += ch;
    }
    if (ch === '/' && !nullIsUnset) return this.processReplace(name);
    if (nullIsUnset || ch === '+' || ch === '-' || ch === '?' || ch === '#' || ch === '%') {
      const raw = ch === '#' || ch === '%';
      if (nullIsUnset && raw) throw new LexError(`unsupported modifier (${chs}) in substitution`);
      const r = this.processStopOn('}', raw);
      if (!r.found) throw new LexError("syntax error: missing '}'");
      let word = r.word;
      const value = this.getEnv(name);
      if (this.opts.skipUnsetEnv && value === undefined) return `\${${name}${chs}${word}}`;
      switch (ch) {
        case '-':
          if (value === undefined || (nullIsUnset && value === '')) return word;
          return value;
        case '+':
          if (value === undefined || (nullIsUnset && value === '')) return '';
          return word;
        case '?':
          if (value === undefined) throw new LexError(`${name}: ${word !== '' ? word : 'is not allowed to be unset'}`);
          if (nullIsUnset && value === '') throw new LexError(`${name}: ${word !== '' ? word : 'is not allowed to be empty'}`);
          return value;
        case '%':
        case '#': {
          let greedy = false;
          if (word.length > 0 && word[0] === ch) {
            greedy = true;
            word = word.slice(1);
          }
          return ch === '%' ? trimSuffix(word, value ?? '', greedy, this.opts.escape) : trimPrefix(word, value ?? '', greedy, this.opts.escape);
        }
        default:
          throw new LexError(`unsupported modifier (${chs}) in substitution`);
      }
    }
    throw new LexError(`unsupported modifier (${chs}) in substitution`);
  }

  private processReplace(name: string): string {
    const all = this.peek() === '/';
    if (all) this.next();
    const pat = this.processStopOn('/', true);
    if (!pat.found) throw new LexError("syntax error: missing '}'");
    const rep = this.processStopOn('}', true);
    if (!rep.found) throw new LexError("syntax error: missing '}'");
    const value = this.getEnv(name);
    if (this.opts.skipUnsetEnv && value === undefined) return `\${${name}/${pat.word}/${rep.word}}`;
    const v = value ?? '';
    const re = patternToRegExp(pat.word, true, this.opts.escape, all ? 'gsu' : 'su');
    return v.replace(re, () => rep.word);
  }
}

/** A shell glob (`*`, `?`, escaped characters literal) as a regular expression source. */
function patternToRegExp(pattern: string, greedy: boolean, esc: string, flags: string, anchor = ''): RegExp {
  let src = '';
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === esc && i + 1 < chars.length) {
      src += escapeRegExp(chars[++i]!);
    } else if (c === '*') {
      src += greedy ? '.*' : '.*?';
    } else if (c === '?') {
      src += '.';
    } else {
      src += escapeRegExp(c);
    }
  }
  return new RegExp(anchor === 'full' ? `^(?:${src})$` : src, flags);
}

function escapeRegExp(c: string): string {
  return c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

function trimPrefix(pattern: string, value: string, greedy: boolean, esc: string): string {
  const re = patternToRegExp(pattern, true, esc, 'su', 'full');
  const cps = Array.from(value);
  if (greedy) {
    for (let i = cps.length; i >= 0; i--) if (re.test(cps.slice(0, i).join(''))) return cps.slice(i).join('');
  } else {
    for (let i = 0; i <= cps.length; i++) if (re.test(cps.slice(0, i).join(''))) return cps.slice(i).join('');
  }
  return value;
}

function trimSuffix(pattern: string, value: string, greedy: boolean, esc: string): string {
  const re = patternToRegExp(pattern, true, esc, 'su', 'full');
  const cps = Array.from(value);
  if (greedy) {
    for (let i = 0; i <= cps.length; i++) if (re.test(cps.slice(i).join(''))) return cps.slice(0, i).join('');
  } else {
    for (let i = cps.length; i >= 0; i--) if (re.test(cps.slice(i).join(''))) return cps.slice(0, i).join('');
  }
  return value;
}

function fullOptions(o: LexOptions): Required<LexOptions> {
  return { escape: o.escape ?? '\\', rawQuotes: o.rawQuotes ?? false, rawEscapes: o.rawEscapes ?? false, skipUnsetEnv: o.skipUnsetEnv ?? false };
}

/** One word: quotes removed, variables expanded, unquoted whitespace kept as it is. */
export function processWord(text: string, env: EnvLookup, opts: LexOptions = {}): string {
  return new ShellWord(text, env, fullOptions(opts)).process().word;
}

/** Words split on unquoted whitespace, including whitespace that came from an expansion. */
export function processWords(text: string, env: EnvLookup, opts: LexOptions = {}): string[] {
  return new ShellWord(text, env, fullOptions(opts)).process().words;
}

/** processWord with BuildKit's wrapping of errors: `failed to process "<word>": <reason>`. */
export function expandWord(text: string, env: EnvLookup, escape = '\\'): string {
  try {
    return processWord(text, env, { escape });
  } catch (e) {
    if (e instanceof LexError) throw new LexError(`failed to process "${text}": ${e.message}`);
    throw e;
  }
}

export function expandWords(text: string, env: EnvLookup, escape = '\\'): string[] {
  try {
    return processWords(text, env, { escape });
  } catch (e) {
    if (e instanceof LexError) throw new LexError(`failed to process "${text}": ${e.message}`);
    throw e;
  }
}

/**
 * Expansion of a COPY/ADD heredoc body: quotes are ordinary text and the escape character only
 * escapes `$`, itself and a newline.
 */
export function expandHeredocBody(body: string, env: EnvLookup): string {
  let out = '';
  let plain = '';
  const chars = Array.from(body);
  const flush = (): void => {
    if (plain) out += processWord(plain, env, { rawQuotes: true, rawEscapes: true });
    plain = '';
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\\' && i + 1 < chars.length) {
      const n = chars[i + 1]!;
      if (n === '$' || n === '\\' || n === '\n') {
        flush();
        out += n;
        i++;
        continue;
      }
    }
    plain += c;
  }
  flush();
  return out;
}
