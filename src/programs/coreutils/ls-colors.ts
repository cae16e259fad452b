// ls --color: the indicator table GNU ls starts from (its built-in colours), LS_COLORS parsed as
// ls parses it (two-letter keys, *.ext patterns, \ and ^ escapes, a later entry overriding an
// earlier one), and dircolors' list of terminal names that make colour worth using when
// LS_COLORS is unset. `is_colored` and the pick of an indicator for a file follow ls.c.

import { fnmatch } from '../lib/fnmatch.ts';

export const INDICATORS = [
  'lc', 'rc', 'ec', 'rs', 'no', 'fi', 'di', 'ln', 'pi', 'so', 'bd', 'cd', 'mi', 'or', 'ex', 'do',
  'su', 'sg', 'st', 'ow', 'tw', 'ca', 'mh', 'cl',
] as const;
export type Indicator = (typeof INDICATORS)[number];

const BUILTIN: Partial<Record<Indicator, string>> = {
  lc: '\x1b[', rc: 'm', rs: '0', di: '01;34', ln: '01;36', pi: '33', so: '01;35', bd: '01;33',
  cd: '01;33', ex: '01;32', do: '01;35', su: '37;41', sg: '30;43', st: '37;44', ow: '34;42',
  tw: '30;42', ca: '30;41', cl: '\x1b[K',
};

/** The TERM patterns of coreutils 9.1's dircolors database. */
const KNOWN_TERMS = [
  'Eterm', 'ansi', '*color*', 'con[0-9]*x[0-9]*', 'cons25', 'console', 'cygwin', '*direct*', 'dtterm',
  'gnome', 'hurd', 'jfbterm', 'konsole', 'kterm', 'linux', 'linux-c', 'mlterm', 'putty', 'rxvt*',
  'screen*', 'st', 'terminator', 'tmux*', 'vt100', 'xterm*',
];

interface ExtColor {
  ext: string;
  seq: string;
  exact: boolean;
  dead: boolean;
}

export class LsColors {
  readonly table = new Map<Indicator, string>();
  readonly exts: ExtColor[] = [];
  /** ln=target: colour links as what they point to. */
  symlinkAsReferent = false;

  private constructor() {
    for (const [k, v] of Object.entries(BUILTIN)) this.table.set(k as Indicator, v);
  }

  /**
   * The colours to use, or null when colour is off after all: LS_COLORS unset and TERM not a
   * colour terminal, or LS_COLORS unparsable (`warn` gets ls's message then).
   */
  static fromEnv(getenv: (n: string) => string | undefined, warn: (msg: string) => void): LsColors | null {
    const c = new LsColors();
    const spec = getenv('LS_COLORS');
    if (spec === undefined || spec === '') {
      const colorterm = getenv('COLORTERM');
      const term = getenv('TERM');
      if (!colorterm && !(term && KNOWN_TERMS.some((p) => fnmatch(p, term)))) return null;
      return c;
    }
    return c.parse(spec, warn) ? c : null;
  }

  isColored(ind: Indicator): boolean {
    const s = this.table.get(ind);
    if (s === undefined || s === '') return false;
    if (s.length > 2) return true;
    return s[0] !== '0' || s[s.length - 1] !== '0';
  }

  get(ind: Indicator): string | undefined {
    return this.table.get(ind);
  }

  /** The sequence for a regular file's name by extension, if one matches. */
  extension(name: string): string | undefined {
    for (const e of this.exts) {
      if (e.dead || e.ext.length > name.length) continue;
      const tail = name.slice(name.length - e.ext.length);
      if (e.exact ? tail === e.ext : tail.toLowerCase() === e.ext.toLowerCase()) return e.seq;
    }
    return undefined;
  }

  private parse(spec: string, warn: (msg: string) => void): boolean {
    let p = 0;
    const fail = (): false => {
      warn('unparsable value for LS_COLORS environment variable');
      return false;
    };
    while (p < spec.length) {
      const ch = spec[p]!;
      if (ch === ':') {
        p++;
        continue;
      }
      if (ch === '*') {
        const ext = funky(spec, p + 1, true);
        if (!ext || spec[ext.end] !== '=') return fail();
        const seq = funky(spec, ext.end + 1, false);
        if (!seq) return fail();
        // A later definition is consulted first, so it overrides an earlier one.
        this.exts.unshift({ ext: ext.text, seq: seq.text, exact: false, dead: false });
        p = seq.end;
        continue;
      }
      if (p + 1 >= spec.length) return fail();
      const label = spec.slice(p, p + 2);
      if (spec[p + 2] !== '=') return fail();
      if (!(INDICATORS as readonly string[]).includes(label)) {
        warn(`unrecognized prefix: ${quoteLabel(label)}`);
        return fail();
      }
      const val = funky(spec, p + 3, false);
      if (!val) return fail();
      this.table.set(label as Indicator, val.text);
      p = val.end;
    }
    this.markCaseRules();
    if (this.table.get('ln') === 'target') this.symlinkAsReferent = true;
    return true;
  }

  /** ls's post-pass: duplicates die, case variants with different colours match exactly. */
  private markCaseRules(): void {
    for (let i = 0; i < this.exts.length; i++) {
      const e1 = this.exts[i]!;
      let caseIgnored = false;
      for (let j = i + 1; j < this.exts.length; j++) {
        const e2 = this.exts[j]!;
        if (e2.dead || e1.ext.length !== e2.ext.length) continue;
        if (e1.ext === e2.ext) e2.dead = true;
        else if (e1.ext.toLowerCase() === e2.ext.toLowerCase()) {
          if (caseIgnored) e2.dead = true;
          else if (e1.seq === e2.seq) {
            e2.dead = true;
            caseIgnored = true;
          } else {
            e1.exact = true;
            e2.exact = true;
          }
        }
      }
    }
  }
}

function quoteLabel(s: string): string {
  return `'${s}'`;
}

/** get_funky_string: a value up to ':' (or '=' for extensions) with \ and ^ escapes. */
function funky(s: string, p: number, equalsEnd: boolean): { text: string; end: number } | null {
  let out = '';
  while (p < s.length) {
    const c = s[p]!;
    if (c === ':' || (equalsEnd && c === '=')) break;
    if (c === '\\') {
      p++;
      if (p >= s.length) return null;
      const e = s[p]!;
      if (e >= '0' && e <= '7') {
        let num = 0;
        while (p < s.length && s[p]! >= '0' && s[p]! <= '7') num = ((num << 3) + Number(s[p++])) & 0xff;
        out += String.fromCharCode(num);
        continue;
      }
      if (e === 'x' || e === 'X') {
        p++;
        let num = 0;
        while (p < s.length && /[0-9a-fA-F]/.test(s[p]!)) num = ((num << 4) + parseInt(s[p++]!, 16)) & 0xff;
        out += String.fromCharCode(num);
        continue;
      }
      const named: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '?': '\x7f', _: ' ' };
      out += named[e] ?? e;
      p++;
      continue;
    }
    if (c === '^') {
      p++;
      const e = s[p];
      if (e !== undefined && e >= '@' && e <= '~') out += String.fromCharCode(e.charCodeAt(0) & 0o37);
      else if (e === '?') out += '\x7f';
      else return null;
      p++;
      continue;
    }
    out += c;
    p++;
  }
  return { text: out, end: p };
}
