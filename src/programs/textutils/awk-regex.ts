// awk's extended regular expressions as mawk 1.3.4 reads them, matched leftmost-longest (POSIX)
// over byte strings (latin1 JS strings, one char per byte). An ERE is compiled to a Thompson NFA
// and run as a lazily built DFA, so a test costs one pass and no backtracking can blow up.
// mawk's dialect: `{` and `}` are plain characters (no intervals), `^` and `$` are anchors
// wherever they stand, a `)` with no `(` is literal, and backslash escapes (\t, \/, \ddd) work
// inside and outside brackets.

export class RegexError extends Error {}

// ---- parsing ----------------------------------------------------------------------------------

type Ast =
  | { k: 'set'; set: Uint8Array }
  | { k: 'bol' }
  | { k: 'eol' }
  | { k: 'empty' }
  | { k: 'cat'; items: Ast[] }
  | { k: 'alt'; items: Ast[] }
  | { k: 'star' | 'plus' | 'opt'; item: Ast };

const CLASSES: Record<string, (c: number) => boolean> = {
  alpha: (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122),
  digit: (c) => c >= 48 && c <= 57,
  alnum: (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57),
  upper: (c) => c >= 65 && c <= 90,
  lower: (c) => c >= 97 && c <= 122,
  space: (c) => c === 32 || (c >= 9 && c <= 13),
  blank: (c) => c === 32 || c === 9,
  punct: (c) => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126),
  print: (c) => c >= 32 && c <= 126,
  graph: (c) => c >= 33 && c <= 126,
  cntrl: (c) => c < 32 || c === 127,
  xdigit: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
};

const ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11, a: 7, b: 8, '\\': 92, '/': 47, '"': 34 };

function single(c: number): Uint8Array {
  const s = new Uint8Array(256);
  s[c] = 1;
  return s;
}

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Ast {
    if (this.src === '') return { k: 'empty' };
    const ast = this.alt(0);
    // A stray `)` at the top is a literal character in mawk; alt() consumed it as one.
    return ast;
  }

  private fail(why: string): never {
    throw new RegexError(`regular expression compile failed (${why})`);
  }

  private alt(depth: number): Ast {
    const items: Ast[] = [this.cat(depth)];
    while (this.src[this.i] === '|') {
      this.i++;
      items.push(this.cat(depth));
    }
    return items.length === 1 ? items[0]! : { k: 'alt', items };
  }

  private cat(depth: number): Ast {
    const items: Ast[] = [];
    const src = this.src;
    for (;;) {
      const ch = src[this.i];
      if (ch === undefined || ch === '|' || (ch === ')' && depth > 0)) break;
      if (ch === '*' || ch === '+' || ch === '?') {
        const prev = items[items.length - 1];
        if (!prev) this.fail('missing operand');
        if (prev.k === 'bol' && ch !== '?') this.fail('syntax error ^* or ^+');
        this.i++;
        items[items.length - 1] = { k: ch === '*' ? 'star' : ch === '+' ? 'plus' : 'opt', item: prev };
        continue;
      }
      items.push(this.atom(depth));
    }
    if (items.length === 0) {
      // An empty branch next to `|` has nothing to match: mawk refuses it.
      const ch = src[this.i];
      const prev = src[this.i - 1];
      if (ch === '|' || prev === '|') this.fail('missing operand');
      return { k: 'empty' };
    }
    return items.length === 1 ? items[0]! : { k: 'cat', items };
  }

  private atom(depth: number): Ast {
    const src = this.src;
    const ch = src[this.i++]!;
    switch (ch) {
      case '^': return { k: 'bol' };
      case '$': return { k: 'eol' };
      case '.': {
        const s = new Uint8Array(256).fill(1);
        return { k: 'set', set: s };
      }
      case '[': return { k: 'set', set: this.bracket() };
      case '(': {
        if (src[this.i] === ')') {
          this.i++;
          return { k: 'empty' };
        }
        const inner = this.alt(depth + 1);
        if (src[this.i] !== ')') this.fail("missing ')'");
        this.i++;
        return inner;
      }
      case '\\': return { k: 'set', set: single(this.escape()) };
      default: return { k: 'set', set: single(ch.charCodeAt(0)) };
    }
  }

  /** After a backslash: the byte it stands for. A trailing backslash is itself. */
  private escape(): number {
    const src = this.src;
    const c = src[this.i];
    if (c === undefined) return 92;
    if (c >= '0' && c <= '7') {
      let v = 0;
      let n = 0;
      while (n < 3 && src[this.i]! >= '0' && src[this.i]! <= '7') {
        v = v * 8 + (src.charCodeAt(this.i) - 48);
        this.i++;
        n++;
      }
      return v & 255;
    }
    this.i++;
    return ESCAPES[c] ?? c.charCodeAt(0);
  }

  private bracket(): Uint8Array {
    const src = this.src;
    const set = new Uint8Array(256);
    const bad = (): never => this.fail('bad class -- [], [^] or [');
    let negate = false;
    if (src[this.i] === '^') {
      negate = true;
      this.i++;
    }
    let first = true;
    for (;;) {
      if (this.i >= src.length) bad();
      let ch = src[this.i]!;
      if (ch === ']' && !first) {
        this.i++;
        break;
      }
      first = false;
      if (ch === '[' && src[this.i + 1] === ':') {
        const end = src.indexOf(':]', this.i + 2);
        const name = end < 0 ? '' : src.slice(this.i + 2, end);
        const test = CLASSES[name];
        if (test) {
          for (let c = 0; c < 256; c++) if (test(c)) set[c] = 1;
          this.i = end + 2;
          continue;
        }
      }
      let lo: number;
      this.i++;
      if (ch === '\\') lo = this.escape();
      else lo = ch.charCodeAt(0);
      if (src[this.i] === '-' && src[this.i + 1] !== undefined && src[this.i + 1] !== ']') {
        this.i++;
        ch = src[this.i++]!;
        const hi = ch === '\\' ? this.escape() : ch.charCodeAt(0);
        for (let c = lo; c <= hi; c++) set[c] = 1;
      } else set[lo] = 1;
    }
    if (negate) for (let c = 0; c < 256; c++) set[c] = set[c] ? 0 : 1;
    return set;
  }
}

// ---- NFA -------------------------------------------------------------------------------------

const SET = 0, SPLIT = 1, JMP = 2, BOL = 3, EOL = 4, MATCH = 5;

class Nfa {
  kind: number[] = [];
  out1: number[] = [];
  out2: number[] = [];
  sets: (Uint8Array | null)[] = [];

  add(kind: number, set: Uint8Array | null = null): number {
    this.kind.push(kind);
    this.out1.push(-1);
    this.out2.push(-1);
    this.sets.push(set);
    return this.kind.length - 1;
  }
}

interface Frag {
  start: number;
  /** Dangling exits: node id * 2 + (0 for out1, 1 for out2). */
  outs: number[];
}

function patch(nfa: Nfa, outs: number[], to: number): void {
  for (const o of outs) {
    if (o & 1) nfa.out2[o >> 1] = to;
    else nfa.out1[o >> 1] = to;
  }
}

function build(nfa: Nfa, ast: Ast): Frag {
  switch (ast.k) {
    case 'set': {
      const n = nfa.add(SET, ast.set);
      return { start: n, outs: [n * 2] };
    }
    case 'bol':
    case 'eol':
    case 'empty': {
      const n = nfa.add(ast.k === 'bol' ? BOL : ast.k === 'eol' ? EOL : JMP);
      return { start: n, outs: [n * 2] };
    }
    case 'cat': {
      const first = build(nfa, ast.items[0]!);
      let outs = first.outs;
      for (let i = 1; i < ast.items.length; i++) {
        const f = build(nfa, ast.items[i]!);
        patch(nfa, outs, f.start);
        outs = f.outs;
      }
      return { start: first.start, outs };
    }
    case 'alt': {
      const frags = ast.items.map((a) => build(nfa, a));
      let start = frags[frags.length - 1]!.start;
      for (let i = frags.length - 2; i >= 0; i--) {
        const s = nfa.add(SPLIT);
        nfa.out1[s] = frags[i]!.start;
        nfa.out2[s] = start;
        start = s;
      }
      return { start, outs: frags.flatMap((f) => f.outs) };
    }
    case 'star': {
      const f = build(nfa, ast.item);
      const s = nfa.add(SPLIT);
      nfa.out1[s] = f.start;
      patch(nfa, f.outs, s);
      return { start: s, outs: [s * 2 + 1] };
    }
    case 'plus': {
      const f = build(nfa, ast.item);
      const s = nfa.add(SPLIT);
      nfa.out1[s] = f.start;
      patch(nfa, f.outs, s);
      return { start: f.start, outs: [s * 2 + 1] };
    }
    case 'opt': {
      const f = build(nfa, ast.item);
      const s = nfa.add(SPLIT);
      nfa.out1[s] = f.start;
      return { start: s, outs: [...f.outs, s * 2 + 1] };
    }
  }
}

// ---- lazy DFA --------------------------------------------------------------------------------

interface DState {
  ids: Int32Array;
  next: Int32Array;
  accept: boolean;
  acceptEnd: boolean;
}

const UNKNOWN = -1;
const DEAD = -2;
const MAX_STATES = 4000;

class Dfa {
  private states: DState[] = [];
  private byKey = new Map<string, number>();
  private startAt0 = -1;
  private startLater = -1;

  /** `floating`: every step may also begin a new match (the DFA of .*RE), for searching. */
  constructor(private readonly nfa: Nfa, private readonly startNode: number, private readonly floating: boolean) {}

  private closure(seeds: ArrayLike<number>, bol: boolean, eol: boolean): number[] {
    const { kind, out1, out2 } = this.nfa;
    const seen = new Uint8Array(kind.length);
    const stack: number[] = [];
    const result: number[] = [];
    for (let i = 0; i < seeds.length; i++) stack.push(seeds[i]!);
    while (stack.length) {
      const n = stack.pop()!;
      if (n < 0 || seen[n]) continue;
      seen[n] = 1;
      switch (kind[n]) {
        case SPLIT: stack.push(out2[n]!, out1[n]!); break;
        case JMP: stack.push(out1[n]!); break;
        case BOL:
          if (bol) stack.push(out1[n]!);
          break;
        case EOL:
          if (eol) stack.push(out1[n]!);
          else result.push(n);
          break;
        default: result.push(n);
      }
    }
    return result.sort((a, b) => a - b);
  }

  private intern(ids: number[], atStart: boolean): number {
    const key = (atStart ? 's' : '') + ids.join(',');
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    if (this.states.length >= MAX_STATES) this.reset();
    const kind = this.nfa.kind;
    const accept = ids.some((n) => kind[n] === MATCH);
    const end = accept || ids.some((n) => kind[n] === EOL) ? this.closure(ids.filter((n) => kind[n] === EOL).map((n) => this.nfa.out1[n]!), atStart, true) : [];
    const acceptEnd = accept || end.some((n) => kind[n] === MATCH);
    const st: DState = { ids: Int32Array.from(ids), next: new Int32Array(256).fill(UNKNOWN), accept, acceptEnd };
    this.states.push(st);
    this.byKey.set(key, this.states.length - 1);
    return this.states.length - 1;
  }

  private reset(): void {
    this.states = [];
    this.byKey.clear();
    this.startAt0 = -1;
    this.startLater = -1;
  }

  start(atZero: boolean): number {
    if (atZero) {
      if (this.startAt0 < 0) this.startAt0 = this.intern(this.closure([this.startNode], true, false), true);
      return this.startAt0;
    }
    if (this.startLater < 0) this.startLater = this.intern(this.closure([this.startNode], false, false), false);
    return this.startLater;
  }

  state(id: number): DState {
    return this.states[id]!;
  }

  step(id: number, c: number): number {
    let st = this.states[id]!;
    const cached = st.next[c]!;
    if (cached !== UNKNOWN) return cached;
    const { kind, out1, sets } = this.nfa;
    const seeds: number[] = [];
    for (const n of st.ids) if (kind[n] === SET && sets[n]![c]) seeds.push(out1[n]!);
    if (this.floating) seeds.push(this.startNode);
    let result = DEAD;
    if (seeds.length) {
      const ids = this.closure(seeds, false, false);
      if (ids.length) {
        const before = this.states.length;
        result = this.intern(ids, false);
        // A reset while interning drops `st`; its entry is rebuilt next time.
        if (this.states.length < before) return result;
      }
    }
    st = this.states[id]!;
    st.next[c] = result;
    return result;
  }
}

// ---- the compiled expression -------------------------------------------------------------------

export class Regex {
  private readonly anchored: Dfa;
  private readonly search: Dfa;
  /** Bytes a match can begin with (when no empty match is possible). */
  private readonly first: Uint8Array;
  private readonly emptyOk: boolean;

  constructor(readonly source: string) {
    const ast = new Parser(source).parse();
    const nfa = new Nfa();
    const frag = build(nfa, ast);
    const m = nfa.add(MATCH);
    patch(nfa, frag.outs, m);
    this.anchored = new Dfa(nfa, frag.start, false);
    this.search = new Dfa(nfa, frag.start, true);
    const s0 = this.anchored.state(this.anchored.start(false));
    this.emptyOk = s0.acceptEnd || this.anchored.state(this.anchored.start(true)).acceptEnd;
    this.first = new Uint8Array(256);
    for (const n of s0.ids) if (nfa.kind[n] === SET) {
      const set = nfa.sets[n]!;
      for (let c = 0; c < 256; c++) if (set[c]) this.first[c] = 1;
    }
    const z = this.anchored.state(this.anchored.start(true));
    for (const n of z.ids) if (nfa.kind[n] === SET) {
      const set = nfa.sets[n]!;
      for (let c = 0; c < 256; c++) if (set[c]) this.first[c] = 1;
    }
  }

  /** Whether the expression matches anywhere in `s`. */
  test(s: string): boolean {
    return this.firstEnd(s, 0) >= 0;
  }

  /** The end of the earliest-ending match that starts at or after `from`, or -1. */
  private firstEnd(s: string, from: number): number {
    const d = this.search;
    const len = s.length;
    let id = d.start(from === 0);
    let st = d.state(id);
    if (from === len ? st.acceptEnd : st.accept) return from;
    for (let p = from; p < len; p++) {
      id = d.step(id, s.charCodeAt(p) & 255);
      if (id === DEAD) return -1;
      st = d.state(id);
      if (p + 1 === len ? st.acceptEnd : st.accept) return p + 1;
    }
    return -1;
  }

  /** The longest match starting exactly at `at`: its end, or -1. */
  longestAt(s: string, at: number): number {
    const d = this.anchored;
    const len = s.length;
    let id = d.start(at === 0);
    let st = d.state(id);
    let last = (at === len ? st.acceptEnd : st.accept) ? at : -1;
    for (let p = at; p < len; p++) {
      id = d.step(id, s.charCodeAt(p) & 255);
      if (id === DEAD) break;
      st = d.state(id);
      if (p + 1 === len ? st.acceptEnd : st.accept) last = p + 1;
    }
    return last;
  }

  /** Leftmost-longest match at or after `from`: [start, end] or null. */
  exec(s: string, from = 0): [number, number] | null {
    const limit = this.firstEnd(s, from);
    if (limit < 0) return null;
    for (let i = from; i <= limit; i++) {
      if (!this.emptyOk && i < s.length && !this.first[s.charCodeAt(i) & 255]) continue;
      const end = this.longestAt(s, i);
      if (end >= 0) return [i, end];
    }
    return null;
  }
}

const cache = new Map<string, Regex>();

/** A compiled expression, cached by its text (dynamic regexes recur record after record). */
export function compileRegex(source: string): Regex {
  let re = cache.get(source);
  if (!re) {
    re = new Regex(source);
    if (cache.size > 500) cache.clear();
    cache.set(source, re);
  }
  return re;
}
