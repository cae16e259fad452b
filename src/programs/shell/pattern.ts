// Shell patterns (case, ${x#p}, pathname components) compiled to regular expressions. Patterns
// arrive escaped: a backslash makes the next char literal, which is how quoted text reaches
// here. Bracket expressions follow dash: `[!...]` negates, `[^...]` does not, classes such as
// [:alpha:] are the C locale's, and a `[` without its `]` is an ordinary char.

const cache = new Map<string, RegExp | null>();

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: '0-9A-Za-z', upper: 'A-Z', lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f',
};

function lit(c: string): string {
  return /[A-Za-z0-9_]/.test(c) ? c : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/** True if the escaped pattern has an unescaped `*`, `?` or `[`. */
export function hasMeta(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/**
 * Whether a path is a pattern to pathname expansion, as dash's expmeta decides: an unescaped `*`
 * or `?`, or a `[` with a `]` after it in the same component. A `[` alone (the test command) is a
 * plain character: the word stays as it is, with no directory read.
 */
export function isGlobPattern(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?') return true;
    else if (c === '[') {
      let q = i + 1;
      if (p[q] === '!') q++;
      for (;;) {
        if (p[q] === '\\') q++;
        if (q >= p.length || p[q] === '/') break;
        if (p[++q] === ']') return true;
      }
    }
  }
  return false;
}

/** Remove the escaping: the literal text the pattern stands for when nothing matched. */
export function unescapePattern(p: string): string {
  if (!p.includes('\\')) return p;
  let out = '';
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '\\' && i + 1 < p.length) i++;
    out += p[i];
  }
  return out;
}

/** Escape text so a pattern matches it literally. */
export function escapePattern(s: string): string {
  return s.replace(/[\\*?[\]]/g, '\\$&');
}

/** Parse a bracket expression starting after `[`; null if it has no closing `]`. */
function bracket(p: string, start: number): { re: string; end: number } | null {
  let i = start;
  let negate = false;
  if (p[i] === '!') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  for (;;) {
    if (i >= p.length) return null;
    let c = p[i]!;
    if (c === ']' && !first) break;
    first = false;
    if (c === '[' && p[i + 1] === ':') {
      const close = p.indexOf(':]', i + 2);
      if (close > 0) {
        const name = p.slice(i + 2, close);
        body += CLASSES[name] ?? '';
        i = close + 2;
        continue;
      }
    }
    if (c === '\\' && i + 1 < p.length) {
      i++;
      c = p[i]!;
    }
    i++;
    if (p[i] === '-' && p[i + 1] !== undefined && p[i + 1] !== ']') {
      let hi = p[i + 1]!;
      i += 2;
      if (hi === '\\' && i < p.length) {
        hi = p[i]!;
        i++;
      }
      if (hi.charCodeAt(0) >= c.charCodeAt(0)) body += `${lit(c)}-${lit(hi)}`;
      continue;
    }
    body += lit(c);
  }
  if (body === '') return { re: negate ? '[^]' : '[]', end: i + 1 };
  return { re: negate ? `[^${body}]` : `[${body}]`, end: i + 1 };
}

/** The regular expression source for an escaped pattern (unanchored). */
export function patternSource(p: string, opts: { lazy?: boolean } = {}): string {
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\') {
      if (i + 1 < p.length) re += lit(p[++i]!);
      else re += lit('\\');
    } else if (c === '*') {
      re += opts.lazy ? '[^]*?' : '[^]*';
      while (p[i + 1] === '*') i++;
    } else if (c === '?') re += '[^]';
    else if (c === '[') {
      const b = bracket(p, i + 1);
      if (b) {
        re += b.re;
        i = b.end - 1;
      } else re += lit('[');
    } else re += lit(c);
  }
  return re;
}

/** A whole-string matcher for an escaped pattern. */
export function compilePattern(p: string): RegExp {
  let re = cache.get(p);
  if (!re) {
    re = new RegExp(`^(?:${patternSource(p)})$`);
    if (cache.size > 2000) cache.clear();
    cache.set(p, re);
  }
  return re;
}

export function matchPattern(p: string, s: string): boolean {
  if (!hasMeta(p)) return unescapePattern(p) === s;
  return compilePattern(p).test(s);
}

/** ${x#p} ${x##p} ${x%p} ${x%%p}: the value with the shortest or longest match removed. */
export function trimPattern(value: string, p: string, op: '#' | '##' | '%' | '%%'): string {
  if (!hasMeta(p)) {
    const lit = unescapePattern(p);
    if (op[0] === '#') return value.startsWith(lit) ? value.slice(lit.length) : value;
    return value.endsWith(lit) ? value.slice(0, value.length - lit.length) : value;
  }
  const re = compilePattern(p);
  const n = value.length;
  switch (op) {
    case '#':
      for (let i = 0; i <= n; i++) if (re.test(value.slice(0, i))) return value.slice(i);
      return value;
    case '##':
      for (let i = n; i >= 0; i--) if (re.test(value.slice(0, i))) return value.slice(i);
      return value;
    case '%':
      for (let i = n; i >= 0; i--) if (re.test(value.slice(i))) return value.slice(0, i);
      return value;
    case '%%':
      for (let i = 0; i <= n; i++) if (re.test(value.slice(i))) return value.slice(0, i);
      return value;
  }
}
