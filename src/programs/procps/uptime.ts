// uptime (procps-ng 4.0.2): the time, how long the machine has been up (from /proc/uptime), the
// number of users and the load averages (/proc/loadavg); -p says the uptime in words, -s when
// the machine came up. Times are UTC: the machine has no zone files.
//
// Users: procps counts login records (utmp, or systemd's sessions), and nothing here writes
// them. cowbox counts what a login leaves behind instead: the terminals that are some session's
// controlling terminal (distinct tty_nr of /proc/PID/stat), so a terminal tab counts as one user
// and a script with no terminal counts none.

import type { Sys } from '../../sys/sys.ts';
import { localtime, now, readAllProcs, readLoadavg, readText, readUptime, strftime } from './proc.ts';
import { inLongoptsOrder, type ProgramMeta } from '../lib/meta.ts';
import { parseProcps, printUsage, shortName, versionLine } from './usage.ts';
import { procpsOutput } from './close-stdout.ts';

export const meta: ProgramMeta = {
  name: 'uptime', package: 'procps-ng', version: '4.0.2', style: 'procps',
  usage: ['[options]'],
  summary: 'Show the time, how long the machine has been up, how many users are on it, and the load averages.',
  standardOptions: false,
  options: [
    { short: 'p', long: 'pretty', help: 'say how long the machine has been up, in words' },
    { short: 's', long: 'since', help: 'print when the machine came up' },
    { short: 'h', long: 'help', help: 'display this help and exit' },
    { short: 'V', long: 'version', help: 'output version information and exit' },
  ],
};

/** The options in procps's longopts order, in which getopt lists the possibilities of `--=`. */
const PARSE_META = inLongoptsOrder(meta, ['pretty', 'help', 'since', 'version']);

/** Distinct controlling terminals of the running processes. */
export async function countUsers(sys: Sys): Promise<number> {
  const ttys = new Set<number>();
  for (const p of await readAllProcs(sys)) if (p.ttyNr !== 0 && p.session === p.pid) ttys.add(p.ttyNr);
  return ttys.size;
}

/** The line uptime prints (and top's first line after "top - "). */
export async function uptimeLine(sys: Sys): Promise<string> {
  const up = Math.trunc(await readUptime(sys));
  const t = localtime(await now(sys));
  const days = Math.floor(up / 86400);
  const hours = Math.floor(up / 3600) % 24;
  const minutes = Math.floor(up / 60) % 60;
  let s = ` ${strftime('%H:%M:%S', t)} up `;
  if (days) s += `${days} ${days > 1 ? 'days' : 'day'}, `;
  s += hours ? `${String(hours).padStart(2)}:${String(minutes).padStart(2, '0')}, ` : `${minutes} min, `;
  const users = await countUsers(sys);
  const [a, b, c] = await readLoadavg(sys);
  s += `${String(users).padStart(2)} ${users > 1 ? 'users' : 'user'},  load average: ${a.toFixed(2)}, ${b.toFixed(2)}, ${c.toFixed(2)}`;
  return s;
}

/** "up 2 hours, 5 minutes": decades, years, weeks, days, hours that are there, minutes always. */
export function prettyUptime(seconds: number): string {
  let left = seconds;
  const parts: string[] = [];
  const take = (size: number, one: string, many: string, always = false): void => {
    let n = 0;
    if (left > size) {
      n = Math.trunc(left / size);
      left -= n * size;
    }
    if (n || always) parts.push(`${n} ${(always ? n !== 1 : n > 1) ? many : one}`);
  };
  take(315_360_000, 'decade', 'decades');
  take(31_536_000, 'year', 'years');
  take(604_800, 'week', 'weeks');
  take(86_400, 'day', 'days');
  take(3600, 'hour', 'hours');
  take(60, 'minute', 'minutes', true);
  return `up ${parts.join(', ')}`;
}

export default function uptime(sys: Sys): Promise<number> {
  return procpsOutput(sys, 'uptime', () => run(sys));
}

async function run(sys: Sys): Promise<number> {
  const name = shortName(sys.argv[0], 'uptime');
  const parsed = parseProcps(PARSE_META, sys.argv);
  let pretty = false;
  let since = false;
  for (const o of parsed.options) {
    switch (o.key) {
      case 'pretty': pretty = true; break;
      case 'since': since = true; break;
      case 'help':
        return printUsage(sys, meta, false);
      case 'version':
        await sys.writeAll(1, versionLine(name));
        return 0;
    }
  }
  if (parsed.error) {
    await sys.writeAll(2, `${parsed.error.text}\n`);
    return printUsage(sys, meta, true);
  }
  if (parsed.operands.length) return printUsage(sys, meta, true);
  if ((await readText(sys, '/proc/uptime')) === null) {
    await sys.writeAll(2, `${name}: Cannot get system uptime: No such file or directory\n`);
    return 1;
  }
  if (since) {
    const up = await readUptime(sys);
    const bootAt = Math.trunc(Number((await sys.clockGettime(0)) / 1000n) / 1e6 - up);
    await sys.writeAll(1, `${strftime('%Y-%m-%d %H:%M:%S', localtime(bootAt))}\n`);
    return 0;
  }
  if (pretty) {
    await sys.writeAll(1, `${prettyUptime(await readUptime(sys))}\n`);
    return 0;
  }
  await sys.writeAll(1, `${await uptimeLine(sys)}\n`);
  return 0;
}
