// The shell grammar, after dash's parser: `parseTop` reads one top-level list (up to a newline)
// so the caller can run it before reading further, which is how dash executes as it reads.
// Errors are SyntaxError_ with dash's words ("%s unexpected (expecting %s)").

import type { CaseItem, Node, Redir, Word } from './ast.ts';
import { SyntaxError_ } from './errors.ts';
import { CHKALIAS, CHKKWD, CHKNL, type AliasLookup, Lexer, T, TOKNAME, isName } from './lexer.ts';

export const EOF_NODE = Symbol('end of input');

/** Tokens that end a compound list. */
const END_LIST = new Set<T>([T.EOF, T.RP, T.ENDCASE, T.ENDBQ, T.DO, T.DONE, T.ELIF, T.ELSE, T.ESAC, T.FI, T.THEN, T.END]);

/** Special builtins cannot be function names in dash. */
const SPECIAL_BUILTINS = new Set(['.', ':', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'local', 'readonly', 'return', 'set', 'shift', 'times', 'trap', 'unset']);

export class Parser {
  readonly lx: Lexer;

  constructor(text: string, opts: { line?: number; final?: boolean; aliases?: AliasLookup; bash?: boolean } = {}) {
    this.lx = new Lexer(text, opts, (lx, closer) => this.subParse(lx, closer));
  }

  /** One top-level list: a node, null for an empty line, or EOF_NODE at the end of input. */
  parseTop(): Node | null | typeof EOF_NODE {
    const lx = this.lx;
    lx.tokpushback = false;
    lx.checkkwd = 0;
    let n1: Node | null = null;
    for (;;) {
      lx.checkkwd = CHKKWD | CHKALIAS;
      const t = lx.readtoken();
      if (t === T.NL) return n1;
      if (t === T.EOF) return n1 ?? EOF_NODE;
      lx.tokpushback = true;
      const n2 = this.andorBg();
      n1 = n1 ? { t: 'semi', a: n1, b: n2.node } : n2.node;
      const t2 = n2.next;
      if (t2 === T.NL) return n1;
      if (t2 === T.EOF) {
        lx.tokpushback = true;
        return n1;
      }
      if (t2 !== T.SEMI && t2 !== T.BG) this.synexpect(-1);
    }
  }

  /** An and-or list with its terminator; a `&` terminator puts it in the background. */
  private andorBg(): { node: Node; next: T } {
    let node = this.andor();
    const next = this.lx.readtoken();
    if (next === T.BG) node = { t: 'bg', line: this.lx.line, body: node, redirs: [] };
    return { node, next };
  }

  /** A compound list; `nlflag` 2 allows it to be empty (case bodies). */
  private list(nlflag: number): Node | null {
    const lx = this.lx;
    let n1: Node | null = null;
    let checkEnd = nlflag === 2;
    for (;;) {
      lx.checkkwd = CHKNL | CHKKWD | CHKALIAS;
      const t = lx.readtoken();
      lx.tokpushback = true;
      if (t === T.EOF) return n1;
      if (checkEnd && END_LIST.has(t)) return n1;
      checkEnd = true;
      const n2 = this.andorBg();
      n1 = n1 ? { t: 'semi', a: n1, b: n2.node } : n2.node;
      if (n2.next !== T.SEMI && n2.next !== T.BG && n2.next !== T.NL) {
        lx.tokpushback = true;
        return n1;
      }
    }
  }

  private andor(): Node {
    let n1 = this.pipeline();
    for (;;) {
      const t = this.lx.readtoken();
      if (t !== T.AND && t !== T.OR) {
        this.lx.tokpushback = true;
        return n1;
      }
      this.lx.checkkwd = CHKNL | CHKKWD | CHKALIAS;
      const n2 = this.pipeline();
      n1 = { t: t === T.AND ? 'and' : 'or', a: n1, b: n2 };
    }
  }

  private pipeline(): Node {
    const lx = this.lx;
    let negate = false;
    if (lx.readtoken() === T.NOT) {
      negate = true;
      lx.checkkwd = CHKKWD | CHKALIAS;
    } else lx.tokpushback = true;
    let n1 = this.command();
    if (lx.readtoken() === T.PIPE) {
      const cmds = [n1];
      do {
        lx.checkkwd = CHKNL | CHKKWD | CHKALIAS;
        cmds.push(this.command());
      } while (lx.readtoken() === T.PIPE);
      n1 = { t: 'pipe', cmds, bg: false };
    }
    lx.tokpushback = true;
    return negate ? { t: 'not', body: n1 } : n1;
  }

  private command(): Node {
    const lx = this.lx;
    let n1: Node;
    let closer: T;
    const line = lx.line;
    const t = lx.readtoken();
    switch (t) {
      case T.IF: {
        const test = this.list(0);
        if (lx.readtoken() !== T.THEN) this.synexpect(T.THEN);
        const top: Node = { t: 'if', test: this.need(test), then: this.need(this.list(0), T.FI), else: null };
        let cur = top as Extract<Node, { t: 'if' }>;
        while (lx.readtoken() === T.ELIF) {
          const etest = this.list(0);
          if (lx.readtoken() !== T.THEN) this.synexpect(T.THEN);
          const next: Extract<Node, { t: 'if' }> = { t: 'if', test: this.need(etest), then: this.need(this.list(0), T.FI), else: null };
          cur.else = next;
          cur = next;
        }
        if (lx.lasttoken === T.ELSE) cur.else = this.need(this.list(0), T.FI);
        else lx.tokpushback = true;
        n1 = top;
        closer = T.FI;
        break;
      }
      case T.WHILE: case T.UNTIL: {
        const test = this.list(0);
        if (lx.readtoken() !== T.DO) this.synexpect(T.DO);
        n1 = { t: t === T.WHILE ? 'while' : 'until', test: this.need(test), body: this.need(this.list(0), T.DONE) };
        closer = T.DONE;
        break;
      }
      case T.FOR: {
        if (lx.readtoken() !== T.WORD || lx.wordQuoted || lx.word!.plain === undefined || !isName(lx.word!.plain)) {
          throw new SyntaxError_('Bad for loop variable', lx.line);
        }
        const name = lx.word!.plain;
        let words: Word[] | null = null;
        lx.checkkwd = CHKNL | CHKKWD | CHKALIAS;
        if (lx.readtoken() === T.IN) {
          words = [];
          while (lx.readtoken() === T.WORD) words.push(lx.word!);
          if (lx.lasttoken !== T.NL && lx.lasttoken !== T.SEMI) this.synexpect(-1);
        } else if (lx.lasttoken !== T.SEMI) lx.tokpushback = true;
        lx.checkkwd = CHKNL | CHKKWD | CHKALIAS;
        if (lx.readtoken() !== T.DO) this.synexpect(T.DO);
        n1 = { t: 'for', line, name, words, body: this.need(this.list(0), T.DONE) };
        closer = T.DONE;
        break;
      }
      case T.CASE:
        return this.redirections(this.caseCommand(line));
      case T.LP:
        n1 = { t: 'subshell', line, body: this.need(this.list(0), T.RP), redirs: [] };
        closer = T.RP;
        break;
      case T.BEGIN:
        n1 = this.need(this.list(0), T.END);
        closer = T.END;
        break;
      case T.WORD: case T.REDIR: case T.FUNCTION:
        lx.tokpushback = true;
        return this.simplecmd();
      default:
        this.synexpect(-1);
    }
    if (lx.readtoken() !== closer) this.synexpect(closer);
    return this.redirections(n1);
  }

  /** A list that must not be empty got nothing: dash complains about the token it found. */
  private need(n: Node | null, closer: T | -1 = -1): Node {
    if (n) return n;
    // At the end of the input dash names the token that would have closed the command.
    this.synexpect(this.lx.readtoken() === T.EOF ? closer : -1);
  }

  private caseCommand(line: number): Node {
    const lx = this.lx;
    if (lx.readtoken() !== T.WORD) this.synexpect(T.WORD);
    const word = lx.word!;
    lx.checkkwd = CHKNL | CHKKWD | CHKALIAS;
    if (lx.readtoken() !== T.IN) this.synexpect(T.IN);
    const items: CaseItem[] = [];
    lx.checkkwd = CHKNL | CHKKWD;
    let t = lx.readtoken();
    while (t !== T.ESAC) {
      if (t === T.LP) t = lx.readtoken();
      const patterns: Word[] = [];
      for (;;) {
        patterns.push(this.patternWord(t));
        if (lx.readtoken() !== T.PIPE) break;
        t = lx.readtoken();
      }
      if (lx.lasttoken !== T.RP) this.synexpect(T.RP);
      const body = this.list(2);
      items.push({ patterns, body });
      lx.checkkwd = CHKNL | CHKKWD;
      t = lx.readtoken();
      if (t !== T.ESAC) {
        if (t !== T.ENDCASE) this.synexpect(T.ENDCASE);
        lx.checkkwd = CHKNL | CHKKWD;
        t = lx.readtoken();
      }
    }
    return { t: 'case', line, word, items };
  }

  /**
   * A case pattern: any word, keywords included (they are only words here). dash takes whatever
   * token is there without checking, so a missing pattern shows up as a missing `)`.
   */
  private patternWord(t: T): Word {
    if (t === T.WORD) return this.lx.word!;
    const text = t >= T.NOT ? TOKNAME[t]!.slice(1, -1) : '';
    return { parts: [{ k: 'lit', s: text }], plain: text };
  }

  private redirections(n1: Node): Node {
    const lx = this.lx;
    const redirs: Redir[] = [];
    lx.checkkwd = CHKKWD | CHKALIAS;
    while (lx.readtoken() === T.REDIR) redirs.push(this.parsefname());
    lx.tokpushback = true;
    if (redirs.length === 0) return n1;
    if (n1.t === 'subshell') return { ...n1, redirs };
    return { t: 'redir', line: lx.line, body: n1, redirs };
  }

  private simplecmd(): Node {
    const lx = this.lx;
    const assigns: Word[] = [];
    const args: Word[] = [];
    const redirs: Redir[] = [];
    const line = lx.line;
    let savecheckkwd = CHKALIAS;
    // busybox ash: after `function` the next word names a function; between `[[` and `]]`,
    // `&&` and `||` are words handed to the [[ builtin.
    let functionFlag = false;
    let dblBrackets = false;
    for (;;) {
      lx.checkkwd = savecheckkwd;
      let t = lx.readtoken();
      if (t === T.FUNCTION) {
        if (lx.readtoken() !== T.WORD) this.synexpect(T.WORD);
        lx.tokpushback = true;
        functionFlag = true;
        continue;
      }
      if (dblBrackets && (t === T.AND || t === T.OR)) {
        const s = t === T.AND ? '&&' : '||';
        lx.word = { parts: [{ k: 'lit', s }], plain: s };
        t = T.WORD;
      }
      let defun = false;
      if (t === T.WORD) {
        const w = lx.word!;
        if (lx.bash && w.plain === '[[') dblBrackets = true;
        else if (lx.bash && w.plain === ']]') dblBrackets = false;
        if (savecheckkwd && isAssignmentWord(w)) assigns.push(w);
        else {
          args.push(w);
          savecheckkwd = 0;
        }
        if (functionFlag) {
          // The body: a compound command, `[[`, or `()` and then the body.
          lx.checkkwd = CHKNL | CHKKWD;
          const next = lx.readtoken();
          lx.tokpushback = true;
          if (next === T.LP) functionFlag = false;
          else if (next === T.BEGIN || next === T.IF || next === T.CASE || next === T.UNTIL || next === T.WHILE || next === T.FOR) defun = true;
          else if (next === T.WORD && lx.word!.plain === '[[') defun = true;
          else this.synexpect(-1);
        }
      }
      if (t === T.WORD && !defun) {
        // (a word: read on)
      } else if (t === T.REDIR) {
        redirs.push(this.parsefname());
      } else if (defun || (t === T.LP && args.length === 1 && assigns.length === 0 && redirs.length === 0)) {
        if (!defun && lx.readtoken() !== T.RP) this.synexpect(T.RP);
        const name = args[0]!.plain;
        if (name === undefined || !isName(name) || SPECIAL_BUILTINS.has(name) || (lx.bash && name === 'source')) {
          throw new SyntaxError_('Bad function name', lx.line);
        }
        lx.checkkwd = CHKNL | CHKKWD | CHKALIAS;
        const defLine = lx.line;
        return { t: 'defun', line: defLine, name, body: this.command() };
      } else {
        lx.tokpushback = true;
        break;
      }
    }
    return { t: 'cmd', line, assigns, args, redirs };
  }

  private parsefname(): Redir {
    const lx = this.lx;
    const r = lx.redir!;
    if (lx.readtoken() !== T.WORD) this.synexpect(-1);
    const w = lx.word!;
    r.target = w;
    if (r.op === '<<' || r.op === '<<-') {
      lx.addHeredoc(r, w, lx.wordQuoted);
    } else if (r.op === '>&' || r.op === '<&') {
      if (w.plain !== undefined && /^[0-9]+$/.test(w.plain)) r.dupfd = Number(w.plain);
      else if (w.plain === '-') r.dupfd = -1;
    }
    return r;
  }

  /** The body of `$(...)` or of a backquoted command, up to `closer`. */
  private subParse(lx: Lexer, closer: T): Node | null {
    const outer = this.lx;
    (this as { lx: Lexer }).lx = lx;
    try {
      lx.checkkwd = CHKNL | CHKKWD | CHKALIAS;
      const first = lx.readtoken();
      lx.tokpushback = true;
      const body = first === closer ? null : this.list(0);
      if (lx.readtoken() !== closer) this.synexpect(closer);
      return body;
    } finally {
      (this as { lx: Lexer }).lx = outer;
    }
  }

  synexpect(token: T | -1): never {
    const lx = this.lx;
    const got = TOKNAME[lx.lasttoken]!;
    const expecting = token >= 0 ? TOKNAME[token] : undefined;
    const msg = expecting !== undefined ? `${got} unexpected (expecting ${expecting})` : `${got} unexpected`;
    throw new SyntaxError_(msg, lx.line, got, expecting);
  }
}

/** `NAME=...` with the name and `=` unquoted: an assignment when it precedes the command name. */
export function isAssignmentWord(w: Word): boolean {
  const p = w.parts[0];
  if (!p || p.k !== 'lit') return false;
  return /^[A-Za-z_][A-Za-z0-9_]*=/.test(p.s);
}
