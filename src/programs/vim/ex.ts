// Ex commands typed after `:`: line addresses (N, $, ., %, N,M), :w :q :wq :x :e :set :s :d,
// with vim's error numbers for what goes wrong (E37 unsaved changes, E32 no file name, E45
// read-only, E13 file exists, E492 unknown command).

import type { Editor } from './editor.ts';
import { Quit } from './editor.ts';
import { vimPattern } from './pattern.ts';
import type { Loaded, WriteResult } from './files.ts';

export interface FileAccess {
  load(name: string): Promise<Loaded>;
  write(name: string, lines: string[], range?: [number, number]): Promise<WriteResult>;
  exists(name: string): Promise<boolean>;
}

const E37 = 'E37: No write since last change (add ! to override)';

function address(ed: Editor, s: string): { line: number; rest: string } | null {
  let m = /^\s*(\d+|\$|\.)([+-]\d*)?/.exec(s);
  if (!m) {
    m = /^\s*([+-]\d*)/.exec(s);
    if (!m) return null;
    const off = m[1] === '+' || m[1] === '-' ? Number(m[1] + '1') : Number(m[1]);
    return { line: ed.cur.line + off, rest: s.slice(m[0].length) };
  }
  let line = m[1] === '$' ? ed.buf.length - 1 : m[1] === '.' ? ed.cur.line : Number(m[1]) - 1;
  if (m[2]) line += m[2] === '+' || m[2] === '-' ? Number(m[2] + '1') : Number(m[2]);
  return { line, rest: s.slice(m[0].length) };
}

export type Address = (ed: Editor, s: string) => { line: number; rest: string } | null;

/**
 * The line range an ex command starts with: `%`, one address, or two joined by one of
 * `separators`; null when there is none. Each dialect brings its own address grammar.
 */
export function leadingRange(ed: Editor, s: string, address: Address, separators: string): { range: [number, number] | null; rest: string } {
  if (s.startsWith('%')) return { range: [0, ed.buf.length - 1], rest: s.slice(1) };
  const a = address(ed, s);
  if (!a) return { range: null, rest: s };
  const b = separators.includes(a.rest[0] ?? '\n') ? address(ed, a.rest.slice(1)) : null;
  return b ? { range: [a.line, b.line], rest: b.rest } : { range: [a.line, a.line], rest: a.rest };
}

export async function runEx(ed: Editor, input: string): Promise<void> {
  const command = input.replace(/^[\s:]+/, '');
  if (command === '' || command.startsWith('"')) return;
  let { range, rest: s } = leadingRange(ed, command, address, ',;');
  s = s.trimStart();
  const m = /^([a-zA-Z]+|&)(!?)\s*(.*)$/s.exec(s) ?? /^()(!?)\s*(.*)$/s.exec(s)!;
  const [, name = '', bang, arg = ''] = m;
  if (name === '' && !bang) {
    if (range) ed.gotoLine(range[1]);
    if (arg.trim()) ed.setMessage('E488: Trailing characters', true);
    return;
  }
  if (range && (range[0] < 0 || range[1] >= ed.buf.length || range[0] > range[1])) {
    if (range[0] > range[1] && range[1] >= 0) range = [range[1], range[0]];
    else {
      ed.setMessage('E16: Invalid range', true);
      return;
    }
  }
  const force = bang === '!';
  const is = (full: string, min: number): boolean => name.length >= min && full.startsWith(name);
  if (is('write', 1) || is('wq', 2) || is('xit', 1) || is('exit', 3) || name === 'wqa' || name === 'wqall' || name === 'xa' || name === 'xall') {
    const quitAfter = !is('write', 1);
    const onlyIfChanged = is('xit', 1) || is('exit', 3) || name === 'xa' || name === 'xall';
    if (!quitAfter || !onlyIfChanged || ed.buf.modified || (arg && force)) {
      if (!(await write(ed, arg.trim(), force, range))) return;
    }
    if (quitAfter) throw new Quit(0);
    return;
  }
  if (is('quit', 1) || is('qall', 2) || is('quitall', 5)) {
    if (ed.buf.modified && !force) {
      ed.setMessage(E37, true);
      return;
    }
    throw new Quit(0);
  }
  if (is('edit', 1)) {
    const file = arg.trim() || ed.name;
    if (!file) {
      if (!force) ed.setMessage('E32: No file name', true);
      return;
    }
    if (ed.buf.modified && !force && (!arg.trim() || arg.trim() !== ed.name || true)) {
      ed.setMessage(E37, true);
      return;
    }
    const loaded = await ed.host.files.load(file);
    ed.replaceBuffer(loaded.lines, file, loaded.readonly);
    ed.setMessage(loaded.message);
    return;
  }
  if (is('set', 2)) return setOptions(ed, arg.trim());
  if (is('substitute', 1) || name === '&') return substitute(ed, range ?? [ed.cur.line, ed.cur.line], name === '&' ? '' : arg);
  if (is('delete', 1)) {
    const [a, b] = range ?? [ed.cur.line, ed.cur.line];
    await ed.changeEx(() => {
      ed.buf.remove(a, b - a + 1);
      ed.gotoLine(a);
      if (b - a + 1 > 2) ed.setMessage(`${b - a + 1} fewer lines`);
    });
    return;
  }
  ed.setMessage(`E492: Not an editor command: ${input.replace(/^[\s:]+/, '')}`, true);
}

async function write(ed: Editor, arg: string, force: boolean, range: [number, number] | null): Promise<boolean> {
  let target = arg || ed.name;
  if (!target) {
    ed.setMessage('E32: No file name', true);
    return false;
  }
  const other = !!arg && arg !== ed.name;
  if (!other && ed.readonly && !force) {
    ed.setMessage("E45: 'readonly' option is set (add ! to override)", true);
    return false;
  }
  if (other && ed.name !== null && !force && (await ed.host.files.exists(arg))) {
    ed.setMessage('E13: File exists (add ! to override)', true);
    return false;
  }
  // With no name yet, :w FILE names the buffer (the 'F' flag in vi-compatible 'cpoptions').
  if (ed.name === null) {
    ed.name = arg;
    target = arg;
  }
  const r = await ed.host.files.write(target, ed.buf.lines, range ? [range[0], range[1] + 1] : undefined);
  ed.setMessage(r.message, !r.ok);
  if (r.ok && target === ed.name && !range) ed.buf.modified = false;
  return r.ok;
}

function setOptions(ed: Editor, arg: string): void {
  for (const opt of arg.split(/\s+/).filter(Boolean)) {
    if (opt === 'nu' || opt === 'number') ed.numbered = true;
    else if (opt === 'nonu' || opt === 'nonumber') ed.numbered = false;
    else if (opt === 'nu!' || opt === 'invnu' || opt === 'number!' || opt === 'invnumber') ed.numbered = !ed.numbered;
    else if (opt === 'all' || opt === 'compatible' || opt === 'cp') continue;
    else {
      ed.setMessage(`E518: Unknown option: ${opt}`, true);
      return;
    }
  }
  ed.display.invalidate();
}

let lastReplacement = '';

async function substitute(ed: Editor, [a, b]: [number, number], arg: string): Promise<void> {
  let pat = ed.lastSearch?.pat ?? '';
  let rep = lastReplacement;
  let flags = '';
  if (arg) {
    const delim = arg[0]!;
    const parts: string[] = [];
    let cur = '';
    for (let i = 1; i < arg.length; i++) {
      if (arg[i] === '\\' && arg[i + 1] === delim) {
        cur += delim;
        i++;
      } else if (arg[i] === '\\' && i + 1 < arg.length) {
        cur += arg[i]! + arg[i + 1]!;
        i++;
      } else if (arg[i] === delim && parts.length < 2) {
        parts.push(cur);
        cur = '';
      } else cur += arg[i];
    }
    parts.push(cur);
    pat = parts[0] || pat;
    rep = parts[1] ?? '';
    flags = parts[2] ?? '';
  }
  if (!pat) {
    ed.setMessage('E35: No previous regular expression', true);
    return;
  }
  ed.lastSearch = { pat, forward: true };
  lastReplacement = rep;
  const re = vimPattern(pat);
  const global = flags.includes('g');
  let subs = 0;
  let linesChanged = 0;
  let lastLine = -1;
  await ed.changeEx(() => {
    for (let i = a; i <= b; i++) {
      const text = ed.buf.line(i);
      let n = 0;
      re.lastIndex = 0;
      const out = text.replace(re, (...m: unknown[]) => {
        if (!global && n > 0) return m[0] as string;
        n++;
        return expand(rep, m as string[]);
      });
      if (n > 0) {
        subs += n;
        linesChanged++;
        lastLine = i;
        ed.buf.setLine(i, out);
      }
    }
  });
  if (subs === 0) {
    ed.setMessage(`E486: Pattern not found: ${pat}`, true);
    return;
  }
  ed.gotoLine(lastLine);
  if (subs > 2) ed.setMessage(`${subs} substitution${subs === 1 ? '' : 's'} on ${linesChanged} line${linesChanged === 1 ? '' : 's'}`);
}

/** A :s replacement: & and \0 the match, \1..\9 groups, \& a literal &. */
function expand(rep: string, m: string[]): string {
  let out = '';
  for (let i = 0; i < rep.length; i++) {
    const ch = rep[i]!;
    if (ch === '&') out += m[0];
    else if (ch === '\\' && i + 1 < rep.length) {
      const n = rep[++i]!;
      if (/[0-9]/.test(n)) out += (n === '0' ? m[0] : m[Number(n)]) ?? '';
      else if (n === 'n' || n === 'r') out += '\r';
      else if (n === 't') out += '\t';
      else out += n;
    } else out += ch;
  }
  return out;
}
