// tparm: expands a terminfo string's %-codes with up to nine parameters (a small stack machine:
// %p pushes a parameter, %d/%s/%c pop and print, arithmetic and comparisons work on the stack,
// %? %t %e %; branch). Checked against what `tput -T TYPE CAP ARGS` writes on Debian 12.

export type Param = number | string;

/** How many parameters the string reads (its highest %pN), as tput counts them to share argv. */
export function paramCount(cap: string): number {
  if (!cap.includes('%p')) return implicitCount(cap);
  let n = 0;
  for (const m of cap.matchAll(/%p([1-9])/g)) n = Math.max(n, Number(m[1]));
  return n;
}

/** A string with no %p (termcap's style) prints its parameters with one conversion each. */
function implicitCount(cap: string): number {
  return (cap.replace(/%%/g, '').match(/%:?[-+# 0]*\d*(?:\.\d+)?[doxXsc]/g) ?? []).length;
}

/** Parameters the string prints with %s or measures with %l: tput passes those as text. */
export function stringParams(cap: string): Set<number> {
  const out = new Set<number>();
  for (const m of cap.matchAll(/%p([1-9])%(?:s|l|:?[-+# ]*\d*(?:\.\d+)?s)/g)) out.add(Number(m[1]));
  return out;
}

/** C's int: the stack holds 32-bit values. */
const int = (v: number): number => v | 0;

export function tparm(cap: string, params: Param[]): string {
  const p: Param[] = Array.from({ length: 9 }, (_, i) => params[i] ?? 0);
  const stack: Param[] = [];
  const vars = new Map<string, Param>();
  // Without %p, the conversions take the parameters as if all were pushed first, p1 deepest.
  const implicit = cap.includes('%p') ? 0 : implicitCount(cap);
  let taken = 0;
  const pop = (): Param => (stack.length > 0 ? stack.pop()! : taken < implicit ? p[implicit - 1 - taken++]! : 0);
  const popInt = (): number => {
    const v = pop();
    return typeof v === 'number' ? v : 0;
  };
  let out = '';
  let i = 0;
  // Skip forward past the %e or %; that closes this level (at %t false: to %e or %;, after a
  // then-part: only to %;), stepping over nested %? ... %;.
  const skip = (toElse: boolean): void => {
    let depth = 0;
    while (i < cap.length) {
      if (cap[i] !== '%') { i++; continue; }
      const c = cap[i + 1];
      i += 2;
      if (c === '?') depth++;
      else if (c === ';') {
        if (depth === 0) return;
        depth--;
      } else if (c === 'e' && toElse && depth === 0) return;
    }
  };
  while (i < cap.length) {
    const ch = cap[i++]!;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const c = cap[i++];
    if (c === undefined) break;
    switch (c) {
      case '%': out += '%'; break;
      case 'c': {
        const v = pop();
        // A zero byte cannot travel in a C string: ncurses sends 0200 in its place.
        const code = typeof v === 'number' ? v & 0xff : v.charCodeAt(0) || 0;
        out += String.fromCharCode(code === 0 ? 0o200 : code);
        break;
      }
      case 'p': { const n = Number(cap[i++]); stack.push(p[n - 1] ?? 0); break; }
      case 'P': { vars.set(cap[i++]!, pop()); break; }
      case 'g': { stack.push(vars.get(cap[i++]!) ?? 0); break; }
      case "'": { stack.push(cap.charCodeAt(i)); i += 2; break; }
      case '{': {
        const end = cap.indexOf('}', i);
        stack.push(int(parseInt(cap.slice(i, end), 10) || 0));
        i = end + 1;
        break;
      }
      case 'l': { const v = pop(); stack.push(typeof v === 'string' ? v.length : 0); break; }
      case '+': case '-': case '*': case '/': case 'm': case '&': case '|': case '^':
      case '=': case '<': case '>': case 'A': case 'O': {
        const b = popInt();
        const a = popInt();
        stack.push(binary(c, a, b));
        break;
      }
      case '!': stack.push(popInt() === 0 ? 1 : 0); break;
      case '~': stack.push(~popInt()); break;
      case 'i': {
        if (typeof p[0] === 'number') p[0]++;
        if (typeof p[1] === 'number') p[1]++;
        break;
      }
      case '?': break;
      case 't': if (popInt() === 0) skip(true); break;
      case 'e': skip(false); break;
      case ';': break;
      default: {
        // printf-style: %[:]flags width .precision then d o x X s.
        const m = /^:?([-+# 0]*)(\d*)(?:\.(\d+))?([doxXs])/.exec(cap.slice(i - 1));
        if (!m) break;
        i += m[0].length - 1;
        out += format(m[1]!, m[2]!, m[3], m[4]!, pop());
      }
    }
  }
  return out;
}

function binary(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return int(a + b);
    case '-': return int(a - b);
    case '*': return Math.imul(a, b);
    case '/': return b === 0 ? 0 : int(a / b);
    case 'm': return b === 0 ? 0 : int(a % b);
    case '&': return a & b;
    case '|': return a | b;
    case '^': return a ^ b;
    case '=': return a === b ? 1 : 0;
    case '<': return a < b ? 1 : 0;
    case '>': return a > b ? 1 : 0;
    case 'A': return a !== 0 && b !== 0 ? 1 : 0;
    default: return a !== 0 || b !== 0 ? 1 : 0;
  }
}

/** One printf conversion with C's flags, width and precision. */
function format(flags: string, width: string, precision: string | undefined, conv: string, v: Param): string {
  let body: string;
  let sign = '';
  if (conv === 's') {
    body = typeof v === 'string' ? v : '';
    if (precision !== undefined) body = body.slice(0, Number(precision));
  } else {
    const n = typeof v === 'number' ? v : 0;
    const mag = conv === 'd' ? Math.abs(n) : n >>> 0;
    body = mag.toString(conv === 'o' ? 8 : conv === 'd' ? 10 : 16);
    if (conv === 'X') body = body.toUpperCase();
    if (precision !== undefined) body = body.padStart(Number(precision), '0');
    if (conv === 'd') sign = n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
    if (flags.includes('#') && n !== 0) sign = conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : sign;
  }
  const w = Number(width || 0);
  const len = sign.length + body.length;
  if (len >= w) return sign + body;
  if (flags.includes('-')) return sign + body + ' '.repeat(w - len);
  if (flags.includes('0') && conv !== 's' && precision === undefined) return sign + '0'.repeat(w - len) + body;
  return ' '.repeat(w - len) + sign + body;
}

/** Command-line words as tparm's parameters: text where the string prints it with %s, else C's strtol. */
export function tparmArgs(cap: string, words: string[]): Param[] {
  const strings = stringParams(cap);
  return words.map((w, k) => (strings.has(k + 1) ? w : strtol(w)));
}

function strtol(word: string): number {
  const m = /^\s*([+-]?)(\d+)/.exec(word);
  if (!m) return 0;
  const n = Number(m[2]);
  return (m[1] === '-' ? -n : n) | 0;
}
