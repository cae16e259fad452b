// fnmatch(3) for the patterns GNU tools take: find's -name, -path and -lname (no flags, so
// nothing is special about `/` or a leading `.`) and their -i forms (FNM_CASEFOLD), ls -I/--hide
// (FNM_PERIOD: a leading dot must be matched by a dot), du --exclude, the TERM names of the
// dircolors database. Supports * ? [...] (ranges, ! and ^ negation, [:class:]) and backslash
// escapes. compileFnmatch reads a pattern once into a matcher that find reuses for every file.

/** The fnmatch flags these tools pass. */
export interface FnmatchFlags {
  /** FNM_PERIOD: a leading `.` of the name is matched only by a `.` in the pattern. */
  period?: boolean;
  /** FNM_CASEFOLD: letters match in either case. */
  caseFold?: boolean;
}

// The C locale's classes: ASCII only.
const CLASSES: Record<string, (c: string) => boolean> = {
  alpha: (c) => /^[A-Za-z]$/.test(c),
  digit: (c) => /^[0-9]$/.test(c),
  alnum: (c) => /^[A-Za-z0-9]$/.test(c),
  upper: (c) => /^[A-Z]$/.test(c),
  lower: (c) => /^[a-z]$/.test(c),
  space: (c) => /^[ \t\n\v\f\r]$/.test(c),
  blank: (c) => c === ' ' || c === '\t',
  punct: (c) => /^[!-/:-@[-`{-~]$/.test(c),
  print: (c) => c >= ' ' && c <= '~',
  graph: (c) => c > ' ' && c <= '~',
  cntrl: (c) => c < ' ' || c === '\x7f',
  xdigit: (c) => /^[0-9A-Fa-f]$/.test(c),
};

/** One member of a bracket expression; an unknown [:class:] has no test and matches nothing. */
type SetItem = { t: 'char'; c: string } | { t: 'range'; lo: string; hi: string } | { t: 'class'; test?: (c: string) => boolean };
type Token = { t: 'star' } | { t: 'any' } | { t: 'char'; c: string } | { t: 'set'; negate: boolean; items: SetItem[] };

/** A bracket expression at p[i] ('[' already seen): its token and the index after `]`, or null when it never closes. */
function bracket(p: string[], i: number): [Token, number] | null {
  let negate = false;
  if (p[i] === '!' || p[i] === '^') {
    negate = true;
    i++;
  }
  const items: SetItem[] = [];
  let first = true;
  while (i < p.length && (p[i] !== ']' || first)) {
    first = false;
    if (p[i] === '[' && p[i + 1] === ':') {
      const end = p.indexOf(':', i + 2);
      if (end > 0 && p[end + 1] === ']') {
        items.push({ t: 'class', test: CLASSES[p.slice(i + 2, end).join('')] });
        i = end + 2;
        continue;
      }
    }
    let lo = p[i]!;
    if (lo === '\\' && i + 1 < p.length) lo = p[++i]!;
    i++;
    if (p[i] === '-' && i + 1 < p.length && p[i + 1] !== ']') {
      let hi = p[i + 1]!;
      i += 2;
      if (hi === '\\' && i < p.length) hi = p[i++]!;
      items.push({ t: 'range', lo, hi });
    } else items.push({ t: 'char', c: lo });
  }
  if (i >= p.length) return null;
  return [{ t: 'set', negate, items }, i + 1];
}

function tokenize(pattern: string): Token[] {
  const p = [...pattern];
  const out: Token[] = [];
  for (let i = 0; i < p.length; ) {
    const c = p[i]!;
    if (c === '*') {
      out.push({ t: 'star' });
      i++;
    } else if (c === '?') {
      out.push({ t: 'any' });
      i++;
    } else if (c === '[') {
      // An unclosed bracket is a literal `[`.
      const r = bracket(p, i + 1);
      if (r) {
        out.push(r[0]);
        i = r[1];
      } else {
        out.push({ t: 'char', c });
        i++;
      }
    } else if (c === '\\' && i + 1 < p.length) {
      out.push({ t: 'char', c: p[i + 1]! });
      i += 2;
    } else {
      out.push({ t: 'char', c });
      i++;
    }
  }
  return out;
}

/**
 * The case folding a JavaScript RegExp's `i` flag applies (find's -iname has always matched
 * that way): a character's upper case, unless that is several characters or turns a non-ASCII
 * character into an ASCII one.
 */
function fold(c: string): string {
  if (c.length !== 1) return c;
  const u = c.toUpperCase();
  if (u.length !== 1 || (c.charCodeAt(0) >= 128 && u.charCodeAt(0) < 128)) return c;
  return u;
}

/** The characters that fold to the same as c, c first. */
function caseVariants(c: string): string[] {
  const f = fold(c);
  const out = [c];
  for (const v of [f, f.toLowerCase(), c.toLowerCase()]) if (!out.includes(v) && fold(v) === f) out.push(v);
  return out;
}

function setHas(items: SetItem[], c: string): boolean {
  for (const it of items) {
    if (it.t === 'char' ? c === it.c : it.t === 'range' ? inRange(c, it.lo, it.hi) : !!it.test?.(c)) return true;
  }
  return false;
}

/** Range membership by code point (comparing strings orders by UTF-16 units, which differs past U+FFFF). */
function inRange(c: string, lo: string, hi: string): boolean {
  const x = c.codePointAt(0)!;
  return x >= lo.codePointAt(0)! && x <= hi.codePointAt(0)!;
}

/** Compile a pattern once: the returned function says whether fnmatch(pattern, name, flags) is 0. */
export function compileFnmatch(pattern: string, flags: FnmatchFlags = {}): (name: string) => boolean {
  const caseFold = !!flags.caseFold;
  const period = !!flags.period;
  // A pattern with no special characters is a plain comparison.
  if (!caseFold && !/[*?[\\]/.test(pattern)) return (name) => name === pattern;
  const tokens = tokenize(pattern);
  const one = (tok: Token, c: string): boolean => {
    switch (tok.t) {
      case 'any': return true;
      case 'char': return caseFold ? fold(c) === fold(tok.c) : c === tok.c;
      case 'set': return (caseFold ? caseVariants(c).some((v) => setHas(tok.items, v)) : setHas(tok.items, c)) !== tok.negate;
      case 'star': return false;
    }
  };
  return (name) => {
    const s = [...name];
    const leadingDot = period && s[0] === '.';
    // Greedy matching that, on a mismatch, lets the last `*` take one more character: enough
    // without FNM_PATHNAME, since a later `*` can absorb whatever an earlier one would.
    let ti = 0;
    let si = 0;
    let starT = -1;
    let starS = 0;
    while (si < s.length) {
      const tok = tokens[ti];
      if (tok?.t === 'star') {
        // No wildcard matches a leading dot under FNM_PERIOD, not even as the empty string.
        if (si === 0 && leadingDot) return false;
        while (tokens[ti]?.t === 'star') ti++;
        starT = ti;
        starS = si;
        continue;
      }
      if (tok && !(si === 0 && leadingDot && tok.t !== 'char') && one(tok, s[si]!)) {
        ti++;
        si++;
        continue;
      }
      if (starT < 0) return false;
      ti = starT;
      si = ++starS;
    }
    while (tokens[ti]?.t === 'star') ti++;
    return ti === tokens.length;
  };
}

/** fnmatch(pattern, name, period ? FNM_PERIOD : 0) === 0. */
export function fnmatch(pattern: string, name: string, period = false): boolean {
  return compileFnmatch(pattern, { period })(name);
}
