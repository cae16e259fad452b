// The awk program scanner, following mawk's scan.c: byte-string program text in, tokens out,
// each with its line. A `/` starts a regular expression unless it follows an operand (then it
// divides). String escapes are decoded here (\n, \t, \ddd, \xHH; unknown ones keep their
// backslash); regex text is kept for the regex compiler, with `\/` turned into `/`.

export type TokKind =
  | 'num' | 'str' | 'ere' | 'name' | 'funcname' | 'builtin' | 'kw'
  | 'nl' | 'eof' | 'op';

export interface Token {
  kind: TokKind;
  /** Operator or keyword text, a name, a string's decoded value, a regex's source. */
  text: string;
  num?: number;
  line: number;
  /** Whitespace came before this token (a function call needs `name(` with none). */
  spaced: boolean;
}

export class AwkSyntaxError extends Error {
  constructor(readonly line: number, message: string, readonly bare = false) {
    super(message);
  }
}

const KEYWORDS = new Set(['BEGIN', 'END', 'function', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile', 'exit', 'return', 'delete', 'in', 'getline', 'print', 'printf']);

export const BUILTINS = new Set([
  'length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'sin', 'cos', 'atan2',
  'exp', 'log', 'int', 'sqrt', 'rand', 'srand', 'close', 'system', 'toupper', 'tolower', 'fflush',
]);

const OPERATORS = [
  '&&', '||', '==', '!=', '<=', '>=', '!~', '++', '--', '+=', '-=', '*=', '/=', '%=', '^=', '>>',
  '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '=',
];

const STRING_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', '\\': '\\', '"': '"' };

/** Decode a string's escapes as mawk's rm_escape does (also used for -v values and -F). */
export function decodeEscapes(s: string): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const d = s[i + 1]!;
    if (d >= '0' && d <= '7') {
      let v = 0;
      let j = i + 1;
      while (j < s.length && j < i + 4 && s[j]! >= '0' && s[j]! <= '7') v = v * 8 + (s.charCodeAt(j++) - 48);
      out += String.fromCharCode(v & 255);
      i = j - 1;
      continue;
    }
    if (d === 'x' && /[0-9A-Fa-f]/.test(s[i + 2] ?? '')) {
      let j = i + 2;
      let v = 0;
      while (j < s.length && j < i + 4 && /[0-9A-Fa-f]/.test(s[j]!)) v = v * 16 + parseInt(s[j++]!, 16);
      out += String.fromCharCode(v & 255);
      i = j - 1;
      continue;
    }
    const e = STRING_ESCAPES[d];
    if (e !== undefined) {
      out += e;
      i++;
      continue;
    }
    out += c;
  }
  return out;
}

/** Tokens after which `/` divides rather than opening a regex. */
function isOperand(t: Token | undefined): boolean {
  if (!t) return false;
  switch (t.kind) {
    case 'num': case 'str': case 'ere': case 'name': case 'builtin': return true;
    case 'op': return t.text === ')' || t.text === ']' || t.text === '$' || t.text === '++' || t.text === '--';
    default: return false;
  }
}

export function tokenize(src: string): Token[] {
  const toks: Token[] = [];
  let i = 0;
  let line = 1;
  let spaced = false;
  const n = src.length;
  const push = (kind: TokKind, text: string, extra: Partial<Token> = {}): void => {
    toks.push({ kind, text, line, spaced, ...extra });
    spaced = false;
  };
  while (i < n) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++;
      spaced = true;
      continue;
    }
    if (c === '\\' && (src[i + 1] === '\n' || (src[i + 1] === '\r' && src[i + 2] === '\n'))) {
      i += src[i + 1] === '\n' ? 2 : 3;
      line++;
      spaced = true;
      continue;
    }
    if (c === '#') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      push('nl', '\n');
      line++;
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let raw = '';
      for (;;) {
        if (j >= n || src[j] === '\n') {
          const shown = src.slice(i, Math.min(j, i + 10));
          throw new AwkSyntaxError(line, `runaway string constant ${shown} ...`);
        }
        const d = src[j]!;
        if (d === '"') break;
        if (d === '\\' && j + 1 < n) {
          if (src[j + 1] === '\n') {
            j += 2;
            line++;
            continue;
          }
          raw += d + src[j + 1];
          j += 2;
          continue;
        }
        raw += d;
        j++;
      }
      push('str', decodeEscapes(raw));
      i = j + 1;
      continue;
    }
    if (c === '/' && !isOperand(toks[toks.length - 1])) {
      let j = i + 1;
      let raw = '';
      let inBracket = false;
      for (;;) {
        if (j >= n || src[j] === '\n') {
          const shown = src.slice(i, Math.min(j, i + 10));
          throw new AwkSyntaxError(line, `runaway regular expression ${shown} ...`);
        }
        const d = src[j]!;
        if (d === '/' && !inBracket) break;
        if (d === '\\' && j + 1 < n) {
          if (src[j + 1] === '/') raw += '/';
          else if (src[j + 1] === '\n') line++;
          else raw += d + src[j + 1];
          j += 2;
          continue;
        }
        if (d === '[' && !inBracket) {
          inBracket = true;
          raw += d;
          j++;
          // A `]` first in a bracket (or after `^`) is a member, not the end.
          if (src[j] === '^') raw += src[j++];
          if (src[j] === ']') raw += src[j++];
          continue;
        }
        if (d === ']' && inBracket) inBracket = false;
        else if (inBracket && d === '[' && src[j + 1] === ':') {
          const end = src.indexOf(':]', j + 2);
          if (end > 0 && end < src.indexOf('\n', j) + (src.indexOf('\n', j) < 0 ? n + 1 : 0)) {
            raw += src.slice(j, end + 2);
            j = end + 2;
            continue;
          }
        }
        raw += d;
        j++;
      }
      push('ere', raw);
      i = j + 1;
      continue;
    }
    if ((c >= '0' && c <= '9') || (c === '.' && src[i + 1] !== undefined && src[i + 1]! >= '0' && src[i + 1]! <= '9')) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i, i + 400))!;
      push('num', m[0], { num: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_]/.test(src[j]!)) j++;
      const word = src.slice(i, j);
      i = j;
      if (KEYWORDS.has(word)) push('kw', word);
      else if (BUILTINS.has(word)) push('builtin', word);
      else if (src[i] === '(') push('funcname', word);
      else push('name', word);
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) {
      const code = c.charCodeAt(0);
      const shown = code > 32 && code < 127 ? `'${c}'` : `0x${code.toString(16).padStart(2, '0')}`;
      throw new AwkSyntaxError(line, `${line}: unexpected character ${shown}`, true);
    }
    push('op', op);
    i += op.length;
  }
  // mawk reports the end of the program one line past its last line.
  toks.push({ kind: 'eof', text: 'end of file', line: line + 1, spaced });
  return toks;
}
