// The remaining builtins: umask (octal and symbolic), type, command -v/-V, hash, alias,
// unalias, times and ulimit, with dash's output formats.

import { isSysError, strerror } from '../../../abi/errno.ts';
import { RLIMIT } from '../../../abi/rlimit.ts';
import { defineBuiltin } from '../builtin-table.ts';
import { isKeyword } from '../lexer.ts';
import { findCommand } from '../lookup.ts';
import type { Shell } from '../shell.ts';
import { parseOpts } from './options.ts';
import { singleQuote } from './variables.ts';

defineBuiltin('umask', false, async (sh, argv) => {
  const { opts, rest } = parseOpts(sh, argv, 'S');
  const symbolic = opts.length > 0;
  const cur = await sh.sys.umask(0);
  await sh.sys.umask(cur);
  if (rest.length === 0) {
    if (symbolic) {
      const perm = ~cur & 0o777;
      const part = (shift: number): string => {
        const b = (perm >> shift) & 7;
        return (b & 4 ? 'r' : '') + (b & 2 ? 'w' : '') + (b & 1 ? 'x' : '');
      };
      sh.out(`u=${part(6)},g=${part(3)},o=${part(0)}\n`);
    } else sh.out(`${cur.toString(8).padStart(4, '0')}\n`);
    return 0;
  }
  const spec = rest[0]!;
  let mask: number;
  if (/^[0-9]/.test(spec)) {
    if (!/^[0-7]+$/.test(spec)) sh.error(`Illegal number: ${spec}`);
    mask = parseInt(spec, 8) & 0o777;
  } else {
    const perm = applySymbolic(~cur & 0o777, spec);
    if (perm === null) throw sh.error(`Illegal mode: ${spec}`);
    mask = ~perm & 0o777;
  }
  await sh.sys.umask(mask);
  return 0;
});

/** chmod-style clauses (u,g,o,a; + - =; r w x X s t; copying u/g/o) applied to permissions. */
function applySymbolic(perm: number, spec: string): number | null {
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)((?:[+=-][rwxXstugo]*)+)$/.exec(clause);
    if (!m) return null;
    let who = 0;
    for (const c of m[1]!) who |= c === 'u' ? 0o700 : c === 'g' ? 0o070 : c === 'o' ? 0o007 : 0o777;
    if (who === 0) who = 0o777;
    for (const [, op, perms] of m[2]!.matchAll(/([+=-])([rwxXstugo]*)/g)) {
      let bits = 0;
      for (const c of perms!) {
        if (c === 'r') bits |= 0o444;
        else if (c === 'w') bits |= 0o222;
        else if (c === 'x' || c === 'X') bits |= 0o111;
        else if (c === 'u') bits |= ((perm >> 6) & 7) * 0o111;
        else if (c === 'g') bits |= ((perm >> 3) & 7) * 0o111;
        else if (c === 'o') bits |= (perm & 7) * 0o111;
      }
      bits &= who;
      if (op === '+') perm |= bits;
      else if (op === '-') perm &= ~bits;
      else perm = (perm & ~who) | bits;
    }
  }
  return perm & 0o777;
}

/** How `type` and `command -V` describe a name; null if not found. */
export async function describe(sh: Shell, name: string, forV: 'type' | 'v'): Promise<string | null> {
  const alias = sh.aliases.get(name);
  if (isKeyword(name, sh.dialect.bashSyntax)) return forV === 'v' ? name : `${name} is a shell keyword`;
  if (alias !== undefined) return forV === 'v' ? `alias ${name}=${singleQuote(alias)}` : `${name} is an alias for ${alias}`;
  const b = sh.builtin(name);
  if (b?.special) return forV === 'v' ? name : `${name} is a special shell builtin`;
  if (sh.funcs.has(name)) return forV === 'v' ? name : `${name} is a ${sh.dialect.functionKind}`;
  if (b) return forV === 'v' ? name : `${name} is a shell builtin`;
  const hashed = !name.includes('/') && sh.cmdHash.has(name);
  const path = await findCommand(sh, name);
  if (path === null) return null;
  if (name.includes('/')) {
    try {
      await sh.sys.stat(path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return null;
    }
  }
  if (forV === 'v') return path;
  return hashed ? `${name} is a tracked alias for ${path}` : `${name} is ${path}`;
}

defineBuiltin('type', false, async (sh, argv) => {
  let status = 0;
  for (const name of argv.slice(1)) {
    const d = await describe(sh, name, 'type');
    if (d === null) {
      sh.out(`${name}: not found\n`);
      status = 127;
    } else sh.out(`${d}\n`);
  }
  return status;
});

defineBuiltin('command', false, async (sh, argv) => {
  const { opts, rest } = parseOpts(sh, argv, 'pvV');
  const v = opts.some(([c]) => c === 'v');
  const V = opts.some(([c]) => c === 'V');
  if (!v && !V) return 0;
  const name = rest[0];
  if (name === undefined) return 0;
  const d = await describe(sh, name, V ? 'type' : 'v');
  if (d === null) {
    if (V) sh.out(`${name}: not found\n`);
    return 127;
  }
  sh.out(`${d}\n`);
  return 0;
});

defineBuiltin('hash', false, async (sh, argv) => {
  const { opts, rest } = parseOpts(sh, argv, 'rv');
  if (opts.some(([c]) => c === 'r')) {
    sh.cmdHash.clear();
    return 0;
  }
  if (rest.length === 0) {
    let out = '';
    for (const path of sh.cmdHash.values()) out += `${path}\n`;
    sh.out(out);
    return 0;
  }
  let status = 0;
  for (const name of rest) {
    sh.cmdHash.delete(name);
    if (sh.builtin(name) || sh.funcs.has(name)) continue;
    if ((await findCommand(sh, name)) === null) {
      await sh.warn(`${name}: not found`);
      status = 1;
    }
  }
  return status;
});

defineBuiltin('alias', false, async (sh, argv) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    let out = '';
    for (const name of [...sh.aliases.keys()].sort()) out += `${name}=${singleQuote(sh.aliases.get(name)!)}\n`;
    sh.out(out);
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq <= 0) {
      const v = sh.aliases.get(a);
      if (v === undefined) {
        await sh.flushOut();
        await sh.writeFd(2, `alias: ${a} not found\n`);
        status = 1;
      } else sh.out(`${a}=${singleQuote(v)}\n`);
    } else sh.aliases.set(a.slice(0, eq), a.slice(eq + 1));
  }
  return status;
});

defineBuiltin('unalias', false, async (sh, argv) => {
  const { opts, rest } = parseOpts(sh, argv, 'a');
  if (opts.length) {
    sh.aliases.clear();
    return 0;
  }
  let status = 0;
  for (const name of rest) {
    if (!sh.aliases.delete(name)) {
      await sh.flushOut();
      await sh.writeFd(2, `unalias: ${name} not found\n`);
      status = 1;
    }
  }
  return status;
});

defineBuiltin('times', true, async (sh) => {
  // dash prints times(2)'s ticks as minutes and seconds: the shell's own, then its children's.
  const t = await sh.sys.times();
  const fmt = (ticks: number): string => `${Math.floor(ticks / 6000)}m${((ticks % 6000) / 100).toFixed(6)}s`;
  sh.out(`${fmt(t.utime)} ${fmt(t.stime)}\n${fmt(t.cutime)} ${fmt(t.cstime)}\n`);
  return 0;
});

/** dash's ulimit table: option letter, the -a label, the RLIMIT_* resource and the unit it counts in. */
const ULIMITS: Array<[letter: string, label: string, resource: number, factor: number]> = [
  ['t', 'time(seconds)', RLIMIT.CPU, 1], ['f', 'file(blocks)', RLIMIT.FSIZE, 512], ['d', 'data(kbytes)', RLIMIT.DATA, 1024],
  ['s', 'stack(kbytes)', RLIMIT.STACK, 1024], ['c', 'coredump(blocks)', RLIMIT.CORE, 512], ['m', 'memory(kbytes)', RLIMIT.RSS, 1024],
  ['l', 'locked memory(kbytes)', RLIMIT.MEMLOCK, 1024], ['p', 'process', RLIMIT.NPROC, 1], ['n', 'nofiles', RLIMIT.NOFILE, 1],
  ['v', 'vmemory(kbytes)', RLIMIT.AS, 1024], ['w', 'locks', RLIMIT.LOCKS, 1], ['r', 'rtprio', RLIMIT.RTPRIO, 1],
];

defineBuiltin('ulimit', false, async (sh, argv) => {
  const { opts, rest } = parseOpts(sh, argv, 'HSatfdscmlpnvwr');
  // Setting changes both limits unless -H or -S says which; showing shows the soft one unless -H.
  let hard = true;
  let soft = true;
  let all = false;
  let letter = 'f';
  for (const [c] of opts) {
    if (c === 'H') [hard, soft] = [true, false];
    else if (c === 'S') [hard, soft] = [false, true];
    else if (c === 'a') all = true;
    else letter = c;
  }
  const shown = (l: { soft: number; hard: number }, factor: number): string => {
    const v = soft ? l.soft : l.hard;
    return v === Infinity ? 'unlimited' : String(Math.floor(v / factor));
  };
  if (all) {
    let out = '';
    for (const [, label, resource, factor] of ULIMITS) out += `${label.padEnd(20)} ${shown(await sh.sys.getrlimit(resource), factor)}\n`;
    sh.out(out);
    return 0;
  }
  const [, , resource, factor] = ULIMITS.find(([l]) => l === letter)!;
  if (rest.length > 1) sh.error('too many arguments');
  if (rest.length === 0) {
    sh.out(`${shown(await sh.sys.getrlimit(resource), factor)}\n`);
    return 0;
  }
  const word = rest[0]!;
  let value: number;
  if (word === 'unlimited') value = Infinity;
  else if (/^[0-9]+$/.test(word)) value = Number(word) * factor;
  else throw sh.error('bad number');
  const cur = await sh.sys.getrlimit(resource);
  try {
    await sh.sys.setrlimit(resource, { soft: soft ? value : cur.soft, hard: hard ? value : cur.hard });
  } catch (e) {
    if (!isSysError(e)) throw e;
    sh.error(`error setting limit (${strerror(e.code)})`);
  }
  return 0;
});
