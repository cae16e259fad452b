// POSIX extended regular expressions (regcomp with REG_EXTENDED, as pgrep uses them) turned into
// JavaScript RegExps: bracket expressions with [:class:] names and a literal ']' first, a
// backslash inside brackets taken literally, GNU's \< \> \w \W \s \S \b \B, a repetition with
// nothing before it taken as a literal, and glibc's regerror texts for the errors learners hit.

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: '0-9a-zA-Z', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f',
};

export class EreError extends Error {}

/** The RegExp for an ERE; throws EreError with glibc's message when it does not compile. */
export function compileEre(pattern: string, ignoreCase = false): RegExp {
  let out = '';
  let depth = 0;
  let atStart = true;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '[') {
      const [js, end] = bracket(pattern, i);
      out += js;
      i = end;
      atStart = false;
      continue;
    }
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) throw new EreError('Trailing backslash');
      i++;
      if (n === '<' || n === '>') out += '\\b';
      else if ('wWsSbB'.includes(n)) out += `\\${n}`;
      else if (/[1-9]/.test(n)) out += `\\${n}`;
      else out += escapeLiteral(n);
      atStart = false;
      continue;
    }
    if ('*+?'.includes(c) && atStart) {
      out += `\\${c}`;
      atStart = false;
      continue;
    }
    if (c === '{') {
      const m = /^\{(\d*)(,(\d*))?\}/.exec(pattern.slice(i));
      if (!m || (m[1] === '' && m[2] === undefined)) {
        if (atStart) {
          out += '\\{';
          continue;
        }
        throw new EreError('Invalid preceding regular expression');
      }
      if (m[1] === '' ) throw new EreError('Invalid preceding regular expression');
      if (m[3] && Number(m[3]) < Number(m[1])) throw new EreError('Invalid range end');
      out += m[0];
      i += m[0].length - 1;
      continue;
    }
    if (c === '(') {
      depth++;
      out += '(';
      atStart = true;
      continue;
    }
    if (c === ')') {
      if (depth === 0) throw new EreError('Unmatched ) or \\)');
      depth--;
      out += ')';
      atStart = false;
      continue;
    }
    if (c === '|') {
      out += '|';
      atStart = true;
      continue;
    }
    if (c === '^') {
      out += '^';
      atStart = true;
      continue;
    }
    if (c === '}' || c === ']' || c === '/') out += `\\${c}`;
    else out += c;
    atStart = false;
  }
  if (depth > 0) throw new EreError('Unmatched ( or \\(');
  try {
    return new RegExp(out, ignoreCase ? 'i' : '');
  } catch {
    throw new EreError('Invalid regular expression');
  }
}

function escapeLiteral(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

/** A bracket expression starting at pattern[start] ('['): its JS form and the index of its ']'. */
function bracket(pattern: string, start: number): [string, number] {
  let i = start + 1;
  let negate = false;
  if (pattern[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === ']' && !first) return [`[${negate ? '^' : ''}${body}]`, i];
    first = false;
    if (c === '[' && (pattern[i + 1] === ':' || pattern[i + 1] === '.' || pattern[i + 1] === '=')) {
      const kind = pattern[i + 1]!;
      const close = pattern.indexOf(`${kind}]`, i + 2);
      if (close < 0) throw new EreError('Unmatched [, [^, [:, [., or [=');
      const name = pattern.slice(i + 2, close);
      if (kind === ':') {
        const cls = CLASSES[name];
        if (!cls) throw new EreError('Invalid character class name');
        body += cls;
      } else body += escapeLiteral(name);
      i = close + 1;
      continue;
    }
    if (c === '-' ) {
      body += '-';
      continue;
    }
    body += c === '\\' || c === ']' || c === '[' || c === '^' ? `\\${c}` : c;
  }
  throw new EreError('Unmatched [, [^, [:, [., or [=');
}
