// busybox ash's `ulimit` (shell_common.c): -a lists every limit as `%-32s(-%c) VALUE`, one letter
// shows one limit (with its label when several are asked), -H shows hard limits instead of soft
// ones, and a bare number sets the file size limit. Values come from getrlimit and are set with
// setrlimit: both limits unless -H or -S names one.

import { isSysError, strerror } from '../../abi/errno.ts';
import { RLIMIT } from '../../abi/rlimit.ts';
import type { Shell } from './shell.ts';

/** busybox's limits_tbl: option letter, label, and its unit's shift. */
const LIMITS: ReadonlyArray<readonly [letter: string, label: string, shift: number]> = [
  ['c', 'core file size (blocks)', 9],
  ['d', 'data seg size (kb)', 10],
  ['e', 'scheduling priority', 0],
  ['f', 'file size (blocks)', 9],
  ['i', 'pending signals', 0],
  ['l', 'max locked memory (kb)', 10],
  ['m', 'max memory size (kb)', 10],
  ['n', 'open files', 0],
  ['q', 'POSIX message queues (bytes)', 0],
  ['r', 'real-time priority', 0],
  ['s', 'stack size (kb)', 10],
  ['t', 'cpu time (seconds)', 0],
  ['u', 'max user processes', 0],
  ['v', 'virtual memory (kb)', 10],
  ['x', 'file locks', 0],
];

/** The RLIMIT_* resource each letter sets. */
const RESOURCE: Readonly<Record<string, number>> = {
  c: RLIMIT.CORE, d: RLIMIT.DATA, e: RLIMIT.NICE, f: RLIMIT.FSIZE, i: RLIMIT.SIGPENDING, l: RLIMIT.MEMLOCK, m: RLIMIT.RSS,
  n: RLIMIT.NOFILE, q: RLIMIT.MSGQUEUE, r: RLIMIT.RTPRIO, s: RLIMIT.STACK, t: RLIMIT.CPU, u: RLIMIT.NPROC, v: RLIMIT.AS,
  x: RLIMIT.LOCKS,
};

/** Soft and hard value of each limit, by letter (null is unlimited). */
type Table = Map<string, [soft: bigint | null, hard: bigint | null]>;

async function readLimits(sh: Shell): Promise<Table> {
  const table: Table = new Map();
  const value = (v: number): bigint | null => (v === Infinity ? null : BigInt(v));
  for (const [letter] of LIMITS) {
    const { soft, hard } = await sh.sys.getrlimit(RESOURCE[letter]!);
    table.set(letter, [value(soft), value(hard)]);
  }
  return table;
}

/** One limit as busybox's printlim shows it: the soft one unless -H alone was given. */
function shown(table: Table, i: number, hard: boolean): string {
  const [letter, , shift] = LIMITS[i]!;
  const v = table.get(letter)?.[hard ? 1 : 0];
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
        const table = await readLimits(sh);
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
      table ??= await readLimits(sh);
      out += `${many ? labelled(item.i) : ''}${shown(table, item.i, hard && !soft)}\n`;
      continue;
    }
    if (value !== 'unlimited' && !/^[0-9]+$/.test(value)) {
      sh.out(out);
      return sh.error(`invalid number '${value}'`, 1);
    }
    // Both limits unless -H or -S names one, as busybox sets them.
    const [letter, , shift] = LIMITS[item.i]!;
    const resource = RESOURCE[letter]!;
    const v = value === 'unlimited' ? Infinity : Number(value) * 2 ** shift;
    const cur = await sh.sys.getrlimit(resource);
    const both = hard === soft;
    try {
      await sh.sys.setrlimit(resource, { soft: both || soft ? v : cur.soft, hard: both || hard ? v : cur.hard });
    } catch (e) {
      if (!isSysError(e)) throw e;
      sh.out(out);
      return sh.error(`error setting limit: ${strerror(e.code)}`, 1);
    }
  }
  sh.out(out);
  return 0;
}
