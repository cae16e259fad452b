// Word expansion in dash's order: tilde, parameters, command substitution and arithmetic into
// segments that remember what was quoted and what came from an expansion; then IFS field
// splitting of the unquoted expansion results, then pathname expansion of unquoted pattern
// characters, then quote removal. Assignments, redirections, case words and here-documents use
// the same machinery without splitting or globbing; case patterns come out escaped.

import type { ParamPart, Word, WordPart } from './ast.ts';
import { SIG } from '../../abi/signals.ts';
import type { ArithEnv } from './arith.ts';
import { isName } from './lexer.ts';
import { onDemand } from '../../base/on-demand.ts';
import { escapePattern, isGlobPattern, trimPattern } from './pattern.ts';
import { PendingError, type Shell } from './shell.ts';
import { runCmdSubst } from './subst.ts';
import { homeOf } from './passwd.ts';

interface Seg {
  s: string;
  /** Quoted: never split, never a pattern char. */
  q: boolean;
  /** Came from an expansion: split on IFS when not quoted. */
  x: boolean;
}

/** A boundary between fields that splitting cannot remove ("$@"). */
type Item = Seg | null;

export const enum Mode {
  /** Arguments: split fields and expand pathnames. */
  Full,
  /** Assignments, redirections, case words, here-documents: one string. */
  NoSplit,
  /** Case patterns and ${x#pattern}: one escaped pattern. */
  Pattern,
}

interface Ctx {
  mode: Mode;
  quoted: boolean;
  /** Unquoted literal text counts as expansion output (inside an unquoted ${x-word}). */
  litIsExp: boolean;
}

/** Expand command words into fields. */
export async function expandArgs(sh: Shell, words: Word[]): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) {
    if (w.plain !== undefined && !/[*?[~]/.test(w.plain)) {
      out.push(w.plain);
      continue;
    }
    for (const f of await expandFields(sh, w)) out.push(f);
  }
  return out;
}

export async function expandFields(sh: Shell, w: Word): Promise<string[]> {
  const items: Item[] = [];
  await expandWordParts(sh, w.parts, { mode: Mode.Full, quoted: false, litIsExp: false }, items, true);
  return finishFields(sh, items);
}

/** One string, no splitting or globbing (redirection targets, case words, here-documents). */
export async function expandString(sh: Shell, w: Word, tilde = true): Promise<string> {
  if (w.plain !== undefined && !w.plain.startsWith('~')) return w.plain;
  const items: Item[] = [];
  await expandWordParts(sh, w.parts, { mode: Mode.NoSplit, quoted: false, litIsExp: false }, items, tilde);
  return joinItems(items);
}

/** The value of an assignment word NAME=VALUE, with tildes after `=` and each `:`. */
export async function expandAssignment(sh: Shell, w: Word): Promise<{ name: string; value: string }> {
  const first = w.parts[0] as { k: 'lit'; s: string };
  const eq = first.s.indexOf('=');
  const name = first.s.slice(0, eq);
  const rest = first.s.slice(eq + 1);
  const parts: WordPart[] = rest ? [{ k: 'lit', s: rest }, ...w.parts.slice(1)] : w.parts.slice(1);
  if (parts.length === 0) return { name, value: '' };
  if (parts.length === 1 && parts[0]!.k === 'lit' && !parts[0]!.s.includes('~')) return { name, value: parts[0]!.s };
  const items: Item[] = [];
  await expandWordParts(sh, parts, { mode: Mode.NoSplit, quoted: false, litIsExp: false }, items, true, true);
  return { name, value: joinItems(items) };
}

/** A case pattern or trimming pattern, escaped for pattern.ts. */
export async function expandPattern(sh: Shell, w: Word | WordPart[]): Promise<string> {
  const parts = Array.isArray(w) ? w : w.parts;
  const items: Item[] = [];
  await expandWordParts(sh, parts, { mode: Mode.Pattern, quoted: false, litIsExp: false }, items, !Array.isArray(w));
  let out = '';
  for (const it of items) if (it) out += it.q ? escapePattern(it.s) : it.s;
  return out;
}

function joinItems(items: Item[]): string {
  let out = '';
  for (const it of items) if (it) out += it.s;
  return out;
}

// ---- the walk over word parts -----------------------------------------------------------

async function expandWordParts(sh: Shell, parts: WordPart[], ctx: Ctx, out: Item[], tilde: boolean, varTilde = false): Promise<void> {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.k === 'lit' && !ctx.quoted && (tilde || varTilde) && (i === 0 || varTilde)) {
      await expandTildes(sh, p.s, i === 0 && tilde, varTilde, i + 1 < parts.length, out, ctx);
      continue;
    }
    await expandPart(sh, p, ctx, out);
  }
}

async function expandPart(sh: Shell, p: WordPart, ctx: Ctx, out: Item[]): Promise<void> {
  switch (p.k) {
    case 'lit':
      out.push({ s: p.s, q: ctx.quoted, x: ctx.litIsExp });
      return;
    case 'sq':
      out.push({ s: p.s, q: true, x: false });
      return;
    case 'dq': {
      // "$@" with no positional parameters is no field at all, not an empty one.
      if (p.parts.length === 1 && p.parts[0]!.k === 'param' && p.parts[0]!.name === '@' && p.parts[0]!.op === '' && sh.positional.length === 0) {
        if (sh.opts.nounset) return;
        return;
      }
      out.push({ s: '', q: true, x: false });
      const inner: Ctx = { mode: ctx.mode, quoted: true, litIsExp: false };
      for (const q of p.parts) await expandPart(sh, q, inner, out);
      return;
    }
    case 'param':
      await expandParam(sh, p, ctx, out);
      return;
    case 'cmd': {
      const text = await runCmdSubst(sh, p.body);
      out.push({ s: text, q: ctx.quoted, x: true });
      return;
    }
    case 'arith': {
      const items: Item[] = [];
      for (const q of p.parts) await expandPart(sh, q, { mode: Mode.NoSplit, quoted: true, litIsExp: false }, items);
      const expr = joinItems(items);
      let v: bigint;
      const { ArithTrap, evalArith } = arith ?? (await loadArith());
      try {
        v = evalArith(expr, arithEnv(sh));
      } catch (e) {
        if (e instanceof PendingError) throw await sh.report(e);
        if (e instanceof ArithTrap) {
          await sh.flushOut();
          await sh.sys.kill(await sh.sys.getpid(), SIG.SIGFPE);
        }
        throw e;
      }
      out.push({ s: v.toString(), q: ctx.quoted, x: true });
      return;
    }
  }
}

/** Tilde prefixes: at the start of a word, and in assignments after `=` and every `:`. */
async function expandTildes(sh: Shell, s: string, atStart: boolean, varTilde: boolean, moreParts: boolean, out: Item[], ctx: Ctx): Promise<void> {
  let i = 0;
  let segStart = atStart;
  while (i < s.length) {
    if (segStart && s[i] === '~') {
      let end = i + 1;
      while (end < s.length && s[end] !== '/' && !(varTilde && s[end] === ':')) end++;
      // The prefix must be entirely unquoted text: a quoted or expanded char after it stops it.
      const complete = end < s.length || !moreParts;
      if (complete) {
        const user = s.slice(i + 1, end);
        const home = user === '' ? sh.getVar('HOME') : await homeOf(sh, user);
        if (home !== undefined && home !== null && home !== '') {
          out.push({ s: home, q: true, x: false });
          i = end;
          segStart = false;
          continue;
        }
      }
    }
    let next = varTilde ? s.indexOf(':', i) : -1;
    if (next < 0) next = s.length;
    else next++;
    out.push({ s: s.slice(i, next), q: ctx.quoted, x: ctx.litIsExp });
    i = next;
    segStart = varTilde;
  }
}

// Arithmetic is loaded on the first $((...)): a shell reaches its prompt without it.
let arith: typeof import('./arith.ts') | undefined;
async function loadArith(): Promise<typeof import('./arith.ts')> {
  return (arith = await import('./arith.ts'));
}

const arithEnvs = new WeakMap<Shell, ArithEnv>();

/** The variables arithmetic reads and assigns: the shell's own (one object per shell). */
function arithEnv(sh: Shell): ArithEnv {
  let env = arithEnvs.get(sh);
  if (!env) {
    env = {
      get: (name) => sh.getVar(name),
      set: (name, value) => sh.setVar(name, value),
      fail: (msg) => sh.error(msg),
      power: sh.dialect.bashSyntax,
    };
    arithEnvs.set(sh, env);
  }
  return env;
}

// ---- parameters -----------------------------------------------------------------------------

type Value = string | string[] | undefined;

function paramValue(sh: Shell, name: string): Value {
  switch (name) {
    case '@': case '*': return sh.positional;
    case '#': return String(sh.positional.length);
    case '?': return String(sh.status);
    case '-': return sh.optionLetters();
    case '$': return String(sh.rootPid);
    case '!': return sh.lastBgPid === undefined ? undefined : String(sh.lastBgPid);
    case '0': return sh.arg0;
  }
  const c = name.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const n = Number(name);
    return n <= sh.positional.length ? sh.positional[n - 1] : undefined;
  }
  return sh.getVar(name) ?? sh.dialect.dynamicVar(sh, name);
}

/** The separator "$*" joins with: IFS's first char, a space when IFS is unset. */
function starSep(sh: Shell): string {
  const ifs = sh.getVar('IFS');
  return ifs === undefined ? ' ' : ifs.slice(0, 1);
}

function isSet(v: Value, colon: boolean, sh: Shell): boolean {
  if (v === undefined) return false;
  // $@ and $* count as set even with no positional parameters (recorded: "${*-star}" is empty
  // after `set --`); only the colon forms look at what they hold.
  if (Array.isArray(v)) return !colon || (v.length > 0 && v.join(starSep(sh)) !== '');
  return !colon || v !== '';
}

async function expandParam(sh: Shell, p: ParamPart, ctx: Ctx, out: Item[]): Promise<void> {
  if (p.op === 'bad') throw await sh.fail('Bad substitution');
  let v = paramValue(sh, p.name);
  if (v === undefined && sh.opts.nounset && (p.op === '' || p.op === 'len' || p.op[0] === '#' || p.op[0] === '%')) {
    throw await sh.fail(`${p.name}: parameter not set`);
  }
  switch (p.op) {
    case '':
      break;
    case 'len': {
      const s = Array.isArray(v) ? v.join(' ') : v ?? '';
      out.push({ s: String(s.length), q: ctx.quoted, x: true });
      return;
    }
    case '-': case '+': {
      const useWord = p.op === '-' ? !isSet(v, p.colon, sh) : isSet(v, p.colon, sh);
      if (useWord) {
        const inner: Ctx = { mode: ctx.mode, quoted: ctx.quoted, litIsExp: !ctx.quoted };
        await expandWordParts(sh, p.word, inner, out, !ctx.quoted);
        return;
      }
      if (p.op === '+') return;
      break;
    }
    case '=': {
      if (!isSet(v, p.colon, sh)) {
        if (!isName(p.name)) throw await sh.fail(`${p.name}: bad variable name`);
        const items: Item[] = [];
        await expandWordParts(sh, p.word, { mode: Mode.NoSplit, quoted: ctx.quoted, litIsExp: false }, items, !ctx.quoted);
        const value = joinItems(items);
        try {
          sh.setVar(p.name, value);
        } catch (e) {
          if (e instanceof PendingError) throw await sh.report(e);
          throw e;
        }
        v = value;
      }
      break;
    }
    case '?': {
      if (!isSet(v, p.colon, sh)) {
        const items: Item[] = [];
        await expandWordParts(sh, p.word, { mode: Mode.NoSplit, quoted: ctx.quoted, litIsExp: false }, items, false);
        const msg = joinItems(items) || (p.colon ? 'parameter not set or null' : 'parameter not set');
        throw await sh.fail(`${p.name}: ${msg}`);
      }
      break;
    }
    case '#': case '##': case '%': case '%%': {
      const pat = await expandPattern(sh, p.word);
      if (Array.isArray(v)) {
        // dash trims "$@" as one string: a prefix comes off the first parameter, a suffix off the last.
        const list = [...v];
        const at = p.op[0] === '#' ? 0 : list.length - 1;
        if (list.length) list[at] = trimPattern(list[at]!, pat, p.op);
        v = list;
      } else v = trimPattern(v ?? '', pat, p.op);
      break;
    }
    case 'substr': case '/': case '//':
      v = await bashParam(sh, p, Array.isArray(v) ? v.join(' ') : v ?? '', ctx);
      break;
  }
  emitValue(sh, v, p.name, ctx, out);
}

// Loaded on first use: a prompt needs neither.
const loadBashSubst = onDemand(() => import('./bash-subst.ts'));
const loadGlob = onDemand(() => import('./glob.ts'));

/** busybox ash's ${x:OFF:LEN} and ${x/PAT/REP}: OFF and LEN are arithmetic, REP a word. */
async function bashParam(sh: Shell, p: ParamPart, value: string, ctx: Ctx): Promise<string> {
  const { replacePattern, substring } = await loadBashSubst();
  const text = async (parts: WordPart[]): Promise<string> => {
    const items: Item[] = [];
    await expandWordParts(sh, parts, { mode: Mode.NoSplit, quoted: ctx.quoted, litIsExp: false }, items, false);
    return joinItems(items);
  };
  if (p.op === 'substr') {
    // Expanded once, then evaluated as $((...)) would be; nothing at all counts as 0.
    const num = async (parts: WordPart[]): Promise<number> => {
      const expr = await text(parts);
      return expr.trim() === '' ? 0 : Number(await text([{ k: 'arith', parts: [{ k: 'sq', s: expr }], line: sh.lineno }]));
    };
    return substring(value, await num(p.word), p.word2 ? await num(p.word2) : null);
  }
  return replacePattern(value, await expandPattern(sh, p.word), p.word2 ? await text(p.word2) : '', p.op === '//');
}

function emitValue(sh: Shell, v: Value, name: string, ctx: Ctx, out: Item[]): void {
  if (v === undefined) return;
  if (!Array.isArray(v)) {
    if (v !== '' || ctx.quoted) out.push({ s: v, q: ctx.quoted, x: true });
    return;
  }
  if (ctx.mode !== Mode.Full) {
    // No fields to make: "$@" joins with spaces, the rest with IFS's first char.
    out.push({ s: v.join(ctx.quoted && name === '@' ? ' ' : starSep(sh)), q: ctx.quoted, x: true });
    return;
  }
  if (ctx.quoted && name === '*') {
    out.push({ s: v.join(starSep(sh)), q: true, x: true });
    return;
  }
  v.forEach((s, i) => {
    if (i > 0) out.push(null);
    out.push({ s, q: ctx.quoted, x: true });
  });
}

// ---- splitting and pathname expansion ---------------------------------------------------

const IFS_WHITE = ' \t\n';

function splitFields(items: Item[], ifs: string): Seg[][] {
  const fields: Seg[][] = [];
  let cur: Seg[] = [];
  let has = false;
  for (const it of items) {
    if (it === null) {
      if (has) fields.push(cur);
      cur = [];
      has = false;
      continue;
    }
    if (it.q || !it.x || ifs === '') {
      cur.push(it);
      if (it.s !== '' || it.q) has = true;
      continue;
    }
    const s = it.s;
    let from = 0;
    let i = 0;
    while (i < s.length) {
      const c = s[i]!;
      if (!ifs.includes(c)) {
        i++;
        continue;
      }
      let spc = IFS_WHITE.includes(c);
      if (spc && !has && i === from) {
        i++;
        from = i;
        continue;
      }
      if (i > from) cur.push({ s: s.slice(from, i), q: false, x: true });
      fields.push(cur);
      cur = [];
      has = false;
      i++;
      while (i < s.length && ifs.includes(s[i]!)) {
        if (IFS_WHITE.includes(s[i]!)) i++;
        else if (spc) {
          spc = false;
          i++;
        } else break;
      }
      from = i;
    }
    if (from < s.length) {
      cur.push({ s: s.slice(from), q: false, x: true });
      has = true;
    }
  }
  if (has) fields.push(cur);
  return fields;
}

async function finishFields(sh: Shell, items: Item[]): Promise<string[]> {
  const fields = splitFields(items, sh.ifs);
  const out: string[] = [];
  for (const f of fields) {
    let text = '';
    let meta = false;
    for (const seg of f) {
      text += seg.s;
      if (!seg.q && !meta && /[*?[]/.test(seg.s)) meta = true;
    }
    if (!meta || sh.opts.noglob) {
      out.push(text);
      continue;
    }
    let pattern = '';
    for (const seg of f) pattern += seg.q ? escapePattern(seg.s) : seg.s;
    if (!isGlobPattern(pattern)) {
      out.push(text);
      continue;
    }
    const { expandPathname } = await loadGlob();
    const matches = await expandPathname(sh, pattern);
    if (matches.length === 0) out.push(text);
    else for (const m of matches) out.push(m);
  }
  return out;
}
