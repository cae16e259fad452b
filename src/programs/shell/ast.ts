// The shell's syntax tree, shaped like dash's nodes: the parser builds one top-level list at a
// time and the evaluator walks it. Trees are never mutated after parsing, so a forked child and
// its parent share function bodies safely. All text is byte strings (one char per byte).

/** A piece of a word as written. Quoting is structural: `sq` and `dq` mark what is quoted. */
export type WordPart =
  | { k: 'lit'; s: string }
  | { k: 'sq'; s: string }
  | { k: 'dq'; parts: WordPart[] }
  | ParamPart
  | { k: 'cmd'; body: Node | null; line: number }
  | { k: 'arith'; parts: WordPart[]; line: number };

export type ParamOp = '' | '-' | '=' | '?' | '+' | '#' | '##' | '%' | '%%' | 'len' | 'bad' | BashParamOp;

/** bash's forms that busybox ash has too: ${x:OFF:LEN}, ${x/PAT/REP} and ${x//PAT/REP}. */
export type BashParamOp = 'substr' | '/' | '//';

export interface ParamPart {
  k: 'param';
  name: string;
  op: ParamOp;
  /** The `:` form (test for null as well as unset). */
  colon: boolean;
  word: WordPart[];
  /** ${x:OFF:LEN}'s LEN and ${x/PAT/REP}'s REP, when given. */
  word2?: WordPart[];
}

export interface Word {
  parts: WordPart[];
  /** Set when the word is plain unquoted text with nothing to expand (the common fast path). */
  plain?: string;
}

/** `&>` is bash's (busybox ash has it): `>FILE 2>&1` in one. */
export type RedirOp = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '<<' | '<<-' | '&>';

export interface Redir {
  fd: number;
  op: RedirOp;
  /** The file name, the fd word of `>&`/`<&`, or the here-document delimiter. */
  target: Word;
  /** For `>&`/`<&` whose word is a literal number or `-`: the fd to copy (-1 closes). */
  dupfd?: number;
  /** Here-documents: the body, expanded as in double quotes unless the delimiter was quoted. */
  heredoc?: { body: Word; quoted: boolean };
}

export type Node =
  | { t: 'cmd'; line: number; assigns: Word[]; args: Word[]; redirs: Redir[] }
  | { t: 'pipe'; cmds: Node[]; bg: boolean }
  | { t: 'not'; body: Node }
  | { t: 'and' | 'or' | 'semi'; a: Node; b: Node }
  | { t: 'redir'; line: number; body: Node; redirs: Redir[] }
  | { t: 'bg'; line: number; body: Node; redirs: Redir[] }
  | { t: 'subshell'; line: number; body: Node; redirs: Redir[] }
  | { t: 'if'; test: Node; then: Node; else: Node | null }
  | { t: 'while' | 'until'; test: Node; body: Node }
  | { t: 'for'; line: number; name: string; words: Word[] | null; body: Node }
  | { t: 'case'; line: number; word: Word; items: CaseItem[] }
  | { t: 'defun'; line: number; name: string; body: Node };

export interface CaseItem {
  patterns: Word[];
  body: Node | null;
}

export type NodeOf<T extends Node['t']> = Extract<Node, { t: T }>;
