// Builtins about variables and parameters: export, readonly, unset, local, shift and set, with
// dash's listings (`export NAME='value'`, sorted, single-quoted) and messages. getopts is in
// getopts.ts, loaded on its first use.

import { defineBuiltin } from '../builtin-table.ts';
import { isName } from '../lexer.ts';
import type { OptionDef } from '../dialect.ts';
import type { Shell } from '../shell.ts';
import { parseOpts } from './options.ts';
import { setsignal } from '../signals.ts';
import { enableJobControl } from '../jobctl.ts';
import { SIG } from '../../../abi/signals.ts';

/** dash's single_quote: always quoted, each run of ' put in double quotes. */
export function singleQuote(s: string): string {
  let out = '';
  let i = 0;
  do {
    let j = s.indexOf("'", i);
    if (j < 0) j = s.length;
    out += `'${s.slice(i, j)}'`;
    i = j;
    if (i >= s.length) break;
    let k = i;
    while (s[k] === "'") k++;
    out += `"${s.slice(i, k)}"`;
    i = k;
  } while (i < s.length);
  return out;
}

function sortedVars(sh: Shell): Array<[string, ReturnType<Shell['vars']['lookup']> & object]> {
  return sh.vars.entries().sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function listFlagged(sh: Shell, word: 'export' | 'readonly', flag: 'exported' | 'readonly'): void {
  let out = '';
  for (const [name, v] of sortedVars(sh)) {
    if (!v[flag]) continue;
    out += v.value === undefined ? `${word} ${name}\n` : `${word} ${name}=${singleQuote(v.value)}\n`;
  }
  sh.out(out);
}

async function exportOrReadonly(sh: Shell, argv: string[], word: 'export' | 'readonly'): Promise<number> {
  const { opts, rest } = parseOpts(sh, argv, 'p');
  const flag = word === 'export' ? 'exported' : 'readonly';
  if (opts.length > 0 || rest.length === 0) {
    if (rest.length === 0) listFlagged(sh, word, flag);
    return 0;
  }
  for (const arg of rest) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!isName(name)) sh.error(`${name}: bad variable name`);
    if (eq >= 0) sh.setVar(name, arg.slice(eq + 1), { [flag]: true });
    else {
      const v = sh.vars.lookup(name);
      if (v) v[flag] = true;
      else sh.vars.set(name, undefined, { [flag]: true });
    }
  }
  return 0;
}

defineBuiltin('export', true, (sh, argv) => exportOrReadonly(sh, argv, 'export'));
defineBuiltin('readonly', true, (sh, argv) => exportOrReadonly(sh, argv, 'readonly'));

defineBuiltin('unset', true, async (sh, argv) => {
  const { opts, rest } = parseOpts(sh, argv, 'fv');
  const funcs = opts.some(([c]) => c === 'f');
  for (const name of rest) {
    if (funcs) {
      sh.funcs.delete(name);
      continue;
    }
    if (!isName(name)) sh.error(`${name}: bad variable name`);
    const v = sh.vars.lookup(name);
    if (v?.readonly) sh.error(`${name}: is read only`);
    sh.vars.unset(name);
    if (name === 'PATH') sh.cmdHash.clear();
    if (name === 'OPTIND') sh.error('Illegal number: ');
  }
  return 0;
});

defineBuiltin('local', true, async (sh, argv) => {
  const frame = sh.localFrames[sh.localFrames.length - 1];
  if (!frame || sh.funcnest === 0) sh.error('not in a function');
  for (const arg of argv.slice(1)) {
    if (arg === '-') {
      if (!frame.opts) frame.opts = { ...sh.opts };
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!isName(name)) sh.error(`${name}: bad variable name`);
    if (!frame.saved.has(name)) frame.saved.set(name, sh.vars.snapshot(name));
    if (eq >= 0) sh.setVar(name, arg.slice(eq + 1));
  }
  return 0;
});

defineBuiltin('shift', true, async (sh, argv) => {
  let n = 1;
  if (argv.length > 1) n = number(sh, argv[1]!);
  if (n > sh.positional.length) {
    if (sh.dialect.quietShiftOverrun) return 1;
    sh.error("can't shift that many");
  }
  sh.positional = sh.positional.slice(n);
  return 0;
});

/** dash's number(): a non-negative decimal integer or "Illegal number" (range per dialect). */
export function number(sh: Shell, s: string): number {
  if (!/^[0-9]+$/.test(s)) sh.error(`Illegal number: ${s}`);
  const n = sh.dialect.digitsValue(s);
  if (n === null) sh.error(`Illegal number: ${s}`);
  return n;
}

type OptionKey = OptionDef['key'];

function optionByLetter(sh: Shell, c: string): OptionKey | undefined {
  return sh.dialect.options.find((d) => d.letter === c && c !== '')?.key;
}

/** Set or clear one option, doing what dash does when some of them change. */
export async function setOption(sh: Shell, name: OptionKey, on: boolean): Promise<void> {
  const was = sh.opts[name];
  // dash 0.5.12 keeps vi and emacs as two independent flags (recorded: set -o emacs after
  // set -o vi shows $- as "EV"), so neither clears the other.
  sh.opts[name] = on;
  if (name === 'monitor' && was !== on && !sh.isChild) {
    if (on && !sh.jobctl) {
      if (!(await enableJobControl(sh))) sh.opts.monitor = false;
    } else if (!on) sh.jobctl = false;
    for (const sig of [SIG.SIGTSTP, SIG.SIGTTOU, SIG.SIGTTIN]) await setsignal(sh, sig);
  }
}

/**
 * Parse shell options (`set` and the sh command line): returns the index of the first operand.
 * `-o name`/`+o name`; `-o`/`+o` alone list the options. Unknown options are errors (-1 when
 * the dialect only warns about an unknown `-o` name and the command fails).
 */
export async function parseShellOptions(sh: Shell, argv: string[], start: number, onList: (plus: boolean) => void, extra?: (c: string, on: boolean) => boolean): Promise<number> {
  let i = start;
  while (i < argv.length) {
    const a = argv[i]!;
    if (a.length < 1 || (a[0] !== '-' && a[0] !== '+')) break;
    if (a === '-' || a === '+') {
      i++;
      break;
    }
    if (a === '--') {
      i++;
      break;
    }
    i++;
    const on = a[0] === '-';
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'o') {
        const name = argv[i];
        if (name === undefined) {
          onList(!on);
          continue;
        }
        i++;
        const def = sh.dialect.options.find((d) => d.name === name && name !== '');
        if (!def) {
          // ash only complains and fails the set; dash's is a fatal error.
          const msg = `Illegal option ${on ? '-' : '+'}o ${name}`;
          if (!sh.dialect.softBadOptionName) sh.error(msg);
          await sh.warn(msg);
          return -1;
        }
        await setOption(sh, def.key, on);
        continue;
      }
      if (extra?.(c, on)) continue;
      const opt = optionByLetter(sh, c);
      if (!opt) sh.error(`Illegal option ${on ? '-' : '+'}${c}`);
      await setOption(sh, opt, on);
    }
  }
  return i;
}

export function listOptions(sh: Shell, plus: boolean): void {
  const defs = sh.dialect.options.filter((d) => d.name !== '');
  let out = '';
  if (plus) for (const d of defs) out += `set ${sh.opts[d.key] ? '-' : '+'}o ${d.name}\n`;
  else {
    out += sh.dialect.optionsHeader;
    for (const d of defs) out += `${d.name.padEnd(16)}${sh.opts[d.key] ? 'on' : 'off'}\n`;
  }
  sh.out(out);
}

defineBuiltin('set', true, async (sh, argv) => {
  if (argv.length === 1) {
    let out = '';
    for (const [name, v] of sortedVars(sh)) if (v.value !== undefined) out += `${name}=${singleQuote(v.value)}\n`;
    sh.out(out);
    return 0;
  }
  const i = await parseShellOptions(sh, argv, 1, (plus) => listOptions(sh, plus));
  if (i < 0) return 1;
  const ended = argv[i - 1] === '--' || argv[i - 1] === '-';
  if (i < argv.length || ended) {
    if (argv[i - 1] === '-' && i === argv.length) {
      // `set -` alone turns off -x and -v and leaves the parameters.
      sh.opts.xtrace = false;
      sh.opts.verbose = false;
      return 0;
    }
    sh.positional = argv.slice(i);
    sh.optind = 1;
    sh.getoptsOff = -1;
  }
  return 0;
});
