// nproc (GNU coreutils): how many processors this process may use (its affinity mask, from
// /proc/self/status), or that the machine has (--all, from /proc/cpuinfo), less --ignore=N but
// never below 1. OMP_NUM_THREADS and OMP_THREAD_LIMIT are honoured as GNU honours them.

import { isSysError } from '../../abi/errno.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'nproc', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]...'],
  summary: 'Print the number of processors this process can use.',
  options: [
    { long: 'all', help: 'print the number of processors the machine has' },
    { long: 'ignore', arg: 'required', argName: 'N', help: 'leave N processors out, if possible' },
  ],
};

async function readText(sys: Sys, path: string): Promise<string | null> {
  try {
    const fd = await sys.open(path, 0);
    try {
      return utf8Decode(await sys.readAll(fd));
    } finally {
      await sys.close(fd);
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    return null;
  }
}

/** The CPUs in a list like "0-1,4". */
function countList(list: string): number {
  let n = 0;
  for (const part of list.trim().split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (m) n += m[2] ? Number(m[2]) - Number(m[1]) + 1 : 1;
  }
  return n;
}

async function installed(sys: Sys): Promise<number> {
  const online = await readText(sys, '/sys/devices/system/cpu/online');
  if (online && countList(online) > 0) return countList(online);
  const info = await readText(sys, '/proc/cpuinfo');
  const n = info ? (info.match(/^processor\s*:/gm) ?? []).length : 0;
  return n || 1;
}

async function available(sys: Sys): Promise<number> {
  const status = await readText(sys, '/proc/self/status');
  const m = status ? /^Cpus_allowed_list:\s*(.*)$/m.exec(status) : null;
  const n = m ? countList(m[1]!) : 0;
  return n || installed(sys);
}

/** An OMP_* value: a positive integer (the first of a comma list for OMP_NUM_THREADS). */
function ompValue(v: string | undefined): number {
  const m = v ? /^\s*\+?(\d+)\s*(,|$)/.exec(v) : null;
  return m ? Number(m[1]) : 0;
}

export default function nproc(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    if (a.operands.length) return tool.usage(`nproc: extra operand ${quote(a.operands[0]!)}`);
    let ignore = 0;
    const ig = a.value('ignore');
    if (ig !== undefined) {
      if (!/^\s*\+?\d+$/.test(ig)) {
        await tool.error(`invalid number: ${quote(ig)}`);
        return 1;
      }
      ignore = Number(ig.trim());
    }
    let n: number;
    if (a.has('all')) n = await installed(sys);
    else {
      const limit = ompValue(sys.getenv('OMP_THREAD_LIMIT')) || Infinity;
      n = ompValue(sys.getenv('OMP_NUM_THREADS')) || (await available(sys));
      n = Math.min(n, limit);
    }
    n = Math.max(1, n - ignore);
    await tool.out.write(`${n}\n`);
  });
}
