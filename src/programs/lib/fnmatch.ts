// fnmatch(3) for the patterns GNU tools take: ls -I/--hide (with FNM_PERIOD, so a leading dot
// must be matched by a dot), du --exclude, the TERM names of the dircolors database. Supports
// * ? [...] (ranges, ! and ^ negation, [:class:]) and backslash escapes.

const CLASSES: Record<string, (c: string) => boolean> = {
  alpha: (c) => /^[A-Za-z]$/.test(c),
  digit: (c) => /^[0-9]$/.test(c),
  alnum: (c) => /^[A-Za-z0-9]$/.test(c),
  upper: (c) => /^[A-Z]$/.test(c),
  lower: (c) => /^[a-z]$/.test(c),
  space: (c) => /^[ \t\n\v\f\r]$/.test(c),
  blank: (c) => c === ' ' || c === '\t',
  punct: (c) => /^[!-/:-@[-`{-~]$/.test(c),
  print: (c) => c >= ' ' && c !== '\x7f',
  graph: (c) => c > ' ' && c !== '\x7f',
  cntrl: (c) => c < ' ' || c === '\x7f',
  xdigit: (c) => /^[0-9A-Fa-f]$/.test(c),
};

/** Match a bracket expression at p[i] ('[' already seen); returns [matched, next index] or null if malformed. */
function bracket(p: string[], i: number, c: string): [boolean, number] | null {
  let negate = false;
  if (p[i] === '!' || p[i] === '^') {
    negate = true;
    i++;
  }
  let matched = false;
  let first = true;
  while (i < p.length && (p[i] !== ']' || first)) {
    first = false;
    if (p[i] === '[' && p[i + 1] === ':') {
      const end = p.indexOf(':', i + 2);
      if (end > 0 && p[end + 1] === ']') {
        const name = p.slice(i + 2, end).join('');
        if (CLASSES[name]?.(c)) matched = true;
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
      if (c >= lo && c <= hi) matched = true;
    } else if (c === lo) matched = true;
  }
  if (i >= p.length) return null;
  return [matched !== negate, i + 1];
}

/** fnmatch(pattern, name, period ? FNM_PERIOD : 0) === 0. */
export function fnmatch(pattern: string, name: string, period = false): boolean {
  const p = [...pattern];
  const s = [...name];
  const go = (pi: number, si: number): boolean => {
    while (pi < p.length) {
      const pc = p[pi]!;
      const leadingDot = period && si === 0 && s[0] === '.';
      if (pc === '*') {
        if (leadingDot) return false;
        while (p[pi] === '*') pi++;
        if (pi === p.length) return true;
        for (let k = si; k <= s.length; k++) if (go(pi, k)) return true;
        return false;
      }
      if (si >= s.length) return false;
      if (pc === '?') {
        if (leadingDot) return false;
        pi++;
        si++;
        continue;
      }
      if (pc === '[') {
        if (leadingDot) return false;
        const r = bracket(p, pi + 1, s[si]!);
        if (r === null) {
          if (s[si] !== '[') return false;
          pi++;
          si++;
          continue;
        }
        if (!r[0]) return false;
        pi = r[1];
        si++;
        continue;
      }
      let lit = pc;
      if (pc === '\\' && pi + 1 < p.length) lit = p[++pi]!;
      if (s[si] !== lit) return false;
      pi++;
      si++;
    }
    return si === s.length;
  };
  return go(0, 0);
}
