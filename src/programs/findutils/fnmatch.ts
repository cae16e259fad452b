// fnmatch(3) as find's -name, -path and -lname use it: `*`, `?`, bracket expressions with `!` or
// `^`, ranges and [:classes:], backslash quoting. Nothing is special about `/` or a leading `.`
// (find passes no flags), and -iname/-ipath fold case (FNM_CASEFOLD). Patterns compile to a
// JS RegExp once.

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f',
};

function escapeChar(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

/** Translate a glob into a RegExp source matching the whole string. */
function translate(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') out += '[\\s\\S]*';
    else if (c === '?') out += '[\\s\\S]';
    else if (c === '\\' && i + 1 < pattern.length) out += escapeChar(pattern[++i]!);
    else if (c === '[') {
      const parsed = bracket(pattern, i);
      if (parsed) {
        out += parsed.src;
        i = parsed.end;
      } else out += '\\[';
    } else out += escapeChar(c);
  }
  return out;
}

/** A bracket expression starting at `start`; null when it never closes (then `[` is literal). */
function bracket(p: string, start: number): { src: string; end: number } | null {
  let i = start + 1;
  let negate = false;
  if (p[i] === '!' || p[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < p.length; i++) {
    const c = p[i]!;
    if (c === ']' && !first) return { src: `[${negate ? '^' : ''}${body}]`, end: i };
    first = false;
    if (c === '[' && p[i + 1] === ':') {
      const close = p.indexOf(':]', i + 2);
      const cls = close > 0 ? CLASSES[p.slice(i + 2, close)] : undefined;
      if (cls !== undefined) {
        body += cls;
        i = close + 1;
        continue;
      }
    }
    if (c === '\\' && i + 1 < p.length) {
      body += escapeChar(p[++i]!);
      continue;
    }
    if (c === '-' && body !== '' && p[i + 1] !== ']' && p[i + 1] !== undefined) {
      body += '-';
      continue;
    }
    body += escapeChar(c);
  }
  return null;
}

export function compileGlob(pattern: string, caseFold = false): (s: string) => boolean {
  // A pattern with no special characters is a plain comparison.
  if (!/[*?[\\]/.test(pattern)) {
    if (!caseFold) return (s) => s === pattern;
    const low = pattern.toLowerCase();
    return (s) => s.toLowerCase() === low;
  }
  const re = new RegExp(`^(?:${translate(pattern)})$`, caseFold ? 'i' : '');
  return (s) => re.test(s);
}
