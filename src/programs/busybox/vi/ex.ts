// busybox vi's colon commands, in its words: :w :q :wq :x :e :r :s :d :set, line addresses, and
// its messages ("No write since last change (:q! overrides)", "'foo' is not implemented",
// "bad option: nu", "File exists (:w! overrides)"). Motions, search and the text are the core's.

import { Quit, type Editor } from '../../vim/editor.ts';
import { leadingRange } from '../../vim/ex.ts';
import { vimPattern } from '../../vim/pattern.ts';
import type { BbLoaded } from './files.ts';

export interface BbFiles {
  load(name: string): Promise<BbLoaded>;
  write(name: string, lines: string[]): Promise<{ ok: boolean; message: string }>;
  exists(name: string): Promise<boolean>;
}

/** :set's options as busybox 1.35 lists them, and the ones a learner may set. */
const OPTIONS = ['autoindent', 'expandtab', 'flash', 'ignorecase', 'showmatch'];
const SHORT: Record<string, string> = { ai: 'autoindent', et: 'expandtab', fl: 'flash', ic: 'ignorecase', sm: 'showmatch' };
const settings = new WeakMap<Editor, { on: Set<string>; tabstop: number }>();

function address(ed: Editor, s: string): { line: number; rest: string } | null {
  const m = /^\s*(\d+|\$|\.)([+-]\d+)?/.exec(s);
  if (!m) return null;
  let line = m[1] === '$' ? ed.buf.length - 1 : m[1] === '.' ? ed.cur.line : Number(m[1]) - 1;
  if (m[2]) line += Number(m[2]);
  return { line, rest: s.slice(m[0].length) };
}

export async function runBusyboxEx(ed: Editor, input: string, files: BbFiles): Promise<void> {
  const command = input.replace(/^[\s:]+/, '');
  if (command === '') return;
  const { range, rest: s } = leadingRange(ed, command, address, ',');
  const m = /^\s*([a-zA-Z]*|&)(!?)\s*(.*)$/s.exec(s)!;
  const [, cmd = '', bang, arg = ''] = m;
  const force = bang === '!';
  const file = arg.trim();
  if (cmd === '' && !bang) {
    if (range) ed.gotoLine(Math.min(range[1], ed.buf.length - 1));
    return;
  }
  const is = (...names: string[]): boolean => names.includes(cmd);
  if (is('w', 'wq', 'x', 'write')) {
    if (cmd === 'x' && !ed.buf.modified && !file) throw new Quit(0);
    if (!(await write(ed, file, force, files))) return;
    if (cmd !== 'w' && cmd !== 'write') throw new Quit(0);
    return;
  }
  if (is('q', 'quit')) {
    if (ed.buf.modified && !force) return ed.setMessage('No write since last change (:q! overrides)', true);
    throw new Quit(0);
  }
  if (is('e', 'edit')) {
    if (ed.buf.modified && !force) return ed.setMessage('No write since last change (:e! overrides)', true);
    const name = file || ed.name;
    if (!name) return ed.setMessage('No filename given', true);
    const got = await files.load(name);
    ed.replaceBuffer(got.lines, name, got.readonly);
    if (got.message) ed.setMessage(got.message, !got.ok);
    return;
  }
  if (is('r', 'read')) {
    const name = file || ed.name;
    if (!name) return ed.setMessage('No filename given', true);
    const got = await files.load(name);
    if (!got.ok) return ed.setMessage(got.message || `'${name}' No such file or directory`, true);
    const at = (range ? range[1] : ed.cur.line) + 1;
    await ed.changeEx(() => ed.buf.insert(at, got.lines));
    ed.gotoLine(at);
    ed.setMessage(got.message);
    return;
  }
  if (is('d', 'delete')) {
    const [a, b] = range ?? [ed.cur.line, ed.cur.line];
    await ed.changeEx(() => {
      ed.buf.remove(a, b - a + 1);
      ed.gotoLine(a);
    });
    return;
  }
  if (is('set', 'se')) return setOptions(ed, file);
  if (is('s', 'substitute')) return substitute(ed, range ?? [ed.cur.line, ed.cur.line], arg);
  ed.setMessage(`'${cmd}${bang}' is not implemented`, true);
}

async function write(ed: Editor, arg: string, force: boolean, files: BbFiles): Promise<boolean> {
  const target = arg || ed.name;
  if (!target) {
    ed.setMessage('No current filename', true);
    return false;
  }
  if (target === ed.name && ed.readonly && !force) {
    ed.setMessage(`'${target}' is read only`, true);
    return false;
  }
  if (target !== ed.name && !force && (await files.exists(target))) {
    ed.setMessage('File exists (:w! overrides)', true);
    return false;
  }
  if (ed.name === null) ed.name = target;
  const r = await files.write(target, ed.buf.lines);
  ed.setMessage(r.message, !r.ok);
  if (r.ok && target === ed.name) ed.buf.modified = false;
  return r.ok;
}

function setOptions(ed: Editor, arg: string): void {
  const st = settings.get(ed) ?? { on: new Set<string>(), tabstop: 8 };
  settings.set(ed, st);
  if (arg === '' || arg === 'all') {
    ed.setMessage(OPTIONS.map((o) => (st.on.has(o) ? o : `no${o}`)).join(' ') + ` tabstop=${st.tabstop}`);
    return;
  }
  for (const opt of arg.split(/\s+/)) {
    const ts = /^(?:ts|tabstop)=(\d+)$/.exec(opt);
    if (ts) {
      st.tabstop = Number(ts[1]);
      continue;
    }
    const off = opt.startsWith('no');
    const name = SHORT[off ? opt.slice(2) : opt] ?? (off ? opt.slice(2) : opt);
    if (!OPTIONS.includes(name)) return ed.setMessage(`bad option: ${opt}`, true);
    if (off) st.on.delete(name);
    else st.on.add(name);
  }
}

/** :s/PAT/REP/[g] over the range; busybox counts the substitutions when there is more than one. */
async function substitute(ed: Editor, [a, b]: [number, number], arg: string): Promise<void> {
  const delim = arg[0];
  if (!delim) return ed.setMessage('No match', true);
  const [pat = '', rep = '', flags = ''] = arg.slice(1).split(delim);
  const re = vimPattern(pat);
  const global = flags.includes('g');
  let subs = 0;
  const lines = new Set<number>();
  await ed.changeEx(() => {
    for (let i = a; i <= b; i++) {
      let n = 0;
      const out = ed.buf.line(i).replace(re, (m0: string) => {
        if (!global && n > 0) return m0;
        n++;
        return rep.replace(/&/g, m0);
      });
      if (n) {
        subs += n;
        lines.add(i);
        ed.buf.setLine(i, out);
      }
    }
  });
  if (subs === 0) return ed.setMessage('No match', true);
  ed.gotoLine(Math.max(...lines));
  if (subs > 1) ed.setMessage(`${subs} substitutions on ${lines.size} lines`);
}
