// busybox ash's `ulimit` (shell_common.c): -a lists every limit as `%-32s(-%c) VALUE`, one letter
// shows one limit (with its label when several are asked), -H shows hard limits instead of soft
// ones, and a bare number sets the file size limit. The values are the kernel's: Sys has no
// getrlimit, so they come from /proc/self/limits, which lists the same rlimits in bytes.
// Setting a limit checks the number, as busybox does, but there is no setrlimit to apply it.

import { isSysError, strerror } from '../../abi/errno.ts';
import { readAllText } from '../lib/input.ts';
import type { Shell } from './shell.ts';

/** busybox's limits_tbl: option letter, label, /proc/self/limits row, and its unit's shift. */
const LIMITS: ReadonlyArray<readonly [letter: string, label: string, row: string, shift: number]> = [
  ['c', 'core file size (blocks)', 'Max core file size', 9],
  ['d', 'data seg size (kb)', 'Max data size', 10],
  ['e', 'scheduling priority', 'Max nice priority', 0],
  ['f', 'file size (blocks)', 'Max file size', 9],
  ['i', 'pending signals', 'Max pending signals', 0],
  ['l', 'max locked memory (kb)', 'Max locked memory', 10],
  ['m', 'max memory size (kb)', 'Max resident set', 10],
  ['n', 'open files', 'Max open files', 0],
  ['q', 'POSIX message queues (bytes)', 'Max msgqueue size', 0],
  ['r', 'real-time priority', 'Max realtime priority', 0],
  ['s', 'stack size (kb)', 'Max stack size', 10],
  ['t', 'cpu time (seconds)', 'Max cpu time', 0],
  ['u', 'max user processes', 'Max processes', 0],
  ['v', 'virtual memory (kb)', 'Max address space', 10],
  ['x', 'file locks', 'Max file locks', 0],
];

/** soft and hard value of each row of /proc/self/limits (null is unlimited). */
type Table = Map<string, [soft: bigint | null, hard: bigint | null]>;

async function readLimits(sh: Shell): Promise<Table> {
  const text = await readAllText(sh.sys, '/proc/self/limits');
  const table: Table = new Map();
  for (const line of text.split('\n').slice(1)) {
    const m = /^(.{25}) (\S+)\s+(\S+)/.exec(line);
    if (!m) continue;
    const value = (s: string): bigint | null => (s === 'unlimited' ? null : BigInt(s));
    table.set(m[1]!.trim(), [value(m[2]!), value(m[3]!)]);
  }
  return table;
}

/** One limit as busybox's printlim shows it: the soft one unless -H alone was given. */
function shown(table: Table, i: number, hard: boolean): string {
  const [, , row, shift] = LIMITS[i]!;
  const v = table.get(row)?.[hard ? 1 : 0];
  return v === null || v === undefined ? 'unlimited' : String(v >> BigInt(shift));
}

/** The file size limit's index: what a bare `ulimit` shows and a bare number sets. */
const F = 3;

function labelled(i: number): string {
  const [letter, label] = LIMITS[i]!;
  return `${label.padEnd(32)}(-${letter}) `;
}

interface Item {
  /** Index in LIMITS. */
  i: number;
  /** The value to set (attached, as in -n5, or the word after the option). */
  value: string | null;
  /** A word that was not an option (busybox's -f with that value). */
  bare: boolean;
}

/** The kernel's limits, read when a value is first shown. */
async function kernelLimits(sh: Shell): Promise<Table> {
  try {
    return await readLimits(sh);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return sh.error(`can't open '/proc/self/limits': ${strerror(e.code)}`, 1);
  }
}

export async function ulimit(sh: Shell, argv: string[]): Promise<number> {
  let hard = false;
  let soft = false;
  const items: Item[] = [];
  // getopt with "-HSa" and every limit letter taking an optional attached value; a word that
  // is not an option is busybox's -f with that value.
  for (let k = 1; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === '--') continue;
    if (a[0] !== '-' || a === '-') {
      items.push({ i: F, value: a, bare: true });
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'H') hard = true;
      else if (c === 'S') soft = true;
      else if (c === 'a') {
        // -a prints as soon as it is seen.
        const table = await kernelLimits(sh);
        let out = '';
        for (let i = 0; i < LIMITS.length; i++) out += `${labelled(i)}${shown(table, i, hard && !soft)}\n`;
        sh.out(out);
        return 0;
      } else {
        const i = LIMITS.findIndex(([l]) => l === c);
        if (i < 0) {
          await sh.flushOut();
          await sh.writeFd(2, `ulimit: invalid option -- '${c}'\n`);
          return 1;
        }
        const attached = a.slice(j + 1);
        items.push({ i, value: attached === '' ? null : attached, bare: false });
        break;
      }
    }
  }
  // busybox counts the bare words too when it decides whether to print labels.
  const many = items.length > 1;
  if (items.length === 0) items.push({ i: F, value: null, bare: true });
  let out = '';
  let table: Table | null = null;
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    let value = item.value;
    // `-n 100`: the next word is the option's value, not a -f of its own.
    const next = items[k + 1];
    if (value === null && next?.bare) {
      value = next.value;
      k++;
    }
    if (value === null) {
      table ??= await kernelLimits(sh);
      out += `${many ? labelled(item.i) : ''}${shown(table, item.i, hard && !soft)}\n`;
      continue;
    }
    if (value !== 'unlimited' && !/^[0-9]+$/.test(value)) {
      sh.out(out);
      return sh.error(`invalid number '${value}'`, 1);
    }
  }
  sh.out(out);
  return 0;
}
