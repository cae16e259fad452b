// free (procps-ng 4.0.2): memory and swap in use, from /proc/meminfo. "used" is MemTotal less
// MemAvailable, "buff/cache" is Buffers + Cached + SReclaimable (libproc2's figures). Units:
// kibibytes by default, -b -k -m -g --tebi --pebi, the SI --kilo ... --peta, -h with --si for
// powers of 1000; -w splits buffers from cache, -l adds Low/High, -t a Total line, -v the
// commit figures; -s N repeats every N seconds, -c N stops after N reports.

import type { Sys } from '../../sys/sys.ts';
import { memSummary, readMeminfo } from './proc.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { parseProcps, printUsage, shortName, versionLine } from './usage.ts';
import { procpsOutput } from './close-stdout.ts';

const FLAG = { human: 1, lohi: 2, wide: 4, total: 8, si: 16, repeat: 32, count: 64, committed: 128 };

export const meta: ProgramMeta = {
  name: 'free', package: 'procps-ng', version: '4.0.2', style: 'procps',
  usage: ['[options]'],
  summary: 'Show how much memory and swap is in use and free, from /proc/meminfo.',
  standardOptions: false,
  options: [
    { short: 'b', long: 'bytes', help: 'sizes in bytes' },
    { long: 'kilo', help: 'sizes in kilobytes (1000 bytes)' },
    { long: 'mega', help: 'sizes in megabytes' },
    { long: 'giga', help: 'sizes in gigabytes' },
    { long: 'tera', help: 'sizes in terabytes' },
    { long: 'peta', help: 'sizes in petabytes' },
    { short: 'k', long: 'kibi', help: 'sizes in kibibytes (1024 bytes, the default)' },
    { short: 'm', long: 'mebi', help: 'sizes in mebibytes' },
    { short: 'g', long: 'gibi', help: 'sizes in gibibytes' },
    { long: 'tebi', help: 'sizes in tebibytes' },
    { long: 'pebi', help: 'sizes in pebibytes' },
    { short: 'h', long: 'human', help: 'pick a unit for each size, three digits at most' },
    { long: 'si', help: 'count in powers of 1000 rather than 1024' },
    { short: 'l', long: 'lohi', help: 'add lines for low and high memory' },
    { short: 't', long: 'total', help: 'add a line summing memory and swap' },
    { short: 'v', long: 'committed', help: 'add a line for committed memory against its limit' },
    { short: 's', long: 'seconds', arg: 'required', argName: 'N', help: 'report again every N seconds' },
    { short: 'c', long: 'count', arg: 'required', argName: 'N', help: 'stop after N reports' },
    { short: 'w', long: 'wide', help: 'show buffers and cache in columns of their own' },
    { long: 'help', help: 'display this help and exit' },
    { short: 'V', long: 'version', help: 'output version information and exit' },
  ],
};

/** scale_size: one figure (kB) in the chosen unit. */
function scale(kb: number, flags: number, exponent: number): string {
  const base = flags & FLAG.si ? 1000 : 1024;
  const bytes = kb * 1024;
  if (!(flags & FLAG.human)) {
    if (exponent === 0) return String(kb);
    if (exponent === 1) return String(bytes);
    return String(Math.trunc(bytes / base ** (exponent - 1)));
  }
  let text = `${bytes}B`;
  if (text.length <= 4) return text;
  const units = 'KMGTP';
  for (let i = 1; i <= units.length; i++) {
    const u = units[i - 1]!;
    // Computed in float, as free does ((float)(bytes / power)).
    const v = Math.fround(bytes / base ** i);
    if (flags & FLAG.si) {
      text = `${v.toFixed(1)}${u}`;
      if (text.length <= 4) return text;
      text = `${Math.trunc(bytes / base ** i)}${u}`;
      if (text.length <= 4) return text;
    } else {
      text = `${v.toFixed(1)}${u}i`;
      if (text.length <= 5) return text;
      text = `${Math.trunc(bytes / base ** i)}${u}i`;
      if (text.length <= 5) return text;
    }
  }
  return text;
}

/** strtod as free reads -s: a decimal number, nothing after it. */
function parseSeconds(text: string): number | null {
  return /^[ \t]*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : null;
}

export default function free(sys: Sys): Promise<number> {
  // free tests its output itself ("write error" alone); --help and -V meet close_stdout's words.
  return procpsOutput(sys, 'free', () => run(sys), sys.argv.slice(1).some((a) => a === '--help' || a === '--version' || a === '-V') ? false : 'always');
}

async function run(sys: Sys): Promise<number> {
  const name = shortName(sys.argv[0], 'free');
  const fail = async (msg: string): Promise<number> => {
    await sys.writeAll(2, `${name}: ${msg}\n`);
    return 1;
  };
  let flags = 0;
  let exponent = 0;
  let unitSet = false;
  let intervalMs = 1000;
  let count = 0;
  const parsed = parseProcps(meta, sys.argv);
  const unit = (e: number, si = false): boolean => {
    if (unitSet) return false;
    unitSet = true;
    exponent = e;
    if (si) flags |= FLAG.si;
    return true;
  };
  const UNITS: Record<string, [number, boolean]> = {
    bytes: [1, false], kibi: [2, false], mebi: [3, false], gibi: [4, false], tebi: [5, false], pebi: [6, false],
    kilo: [2, true], mega: [3, true], giga: [4, true], tera: [5, true], peta: [6, true],
  };
  for (const o of parsed.options) {
    const u = UNITS[o.key];
    if (u) {
      if (!unit(u[0], u[1])) return fail("Multiple unit options don't make sense.");
      continue;
    }
    switch (o.key) {
      case 'human': flags |= FLAG.human; break;
      case 'si': flags |= FLAG.si; break;
      case 'lohi': flags |= FLAG.lohi; break;
      case 'total': flags |= FLAG.total; break;
      case 'committed': flags |= FLAG.committed; break;
      case 'wide': flags |= FLAG.wide; break;
      case 'seconds': {
        flags |= FLAG.repeat;
        const secs = parseSeconds(o.value!);
        if (secs === null) return fail(`seconds argument failed: '${o.value}': Invalid argument`);
        if (secs * 1_000_000 < 1) return fail(`seconds argument \`${o.value}' is not positive number`);
        intervalMs = secs * 1000;
        break;
      }
      case 'count': {
        flags |= FLAG.repeat | FLAG.count;
        if (!/^[ \t]*[+-]?\d+$/.test(o.value!)) return fail(`failed to parse count argument: '${o.value}'`);
        count = Number(o.value);
        if (count < 1) return fail(`failed to parse count argument: '${o.value}': Numerical result out of range`);
        break;
      }
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

  const col = (label: string): string => label.padEnd(9);
  const f = (kb: number): string => scale(kb, flags, exponent).padStart(11);
  for (;;) {
    const info = await readMeminfo(sys);
    if (!info) return fail('Memory information file /proc/meminfo does not exist');
    const m = memSummary(info);
    const lines: string[] = [];
    lines.push(flags & FLAG.wide
      ? '               total        used        free      shared     buffers       cache   available'
      : '               total        used        free      shared  buff/cache   available');
    let mem = `${col('Mem:')}${f(m.total)} ${f(m.used)} ${f(m.free)} ${f(m.shared)}`;
    mem += flags & FLAG.wide ? ` ${f(m.buffers)} ${f(m.cached)}` : ` ${f(m.buffers + m.cached)}`;
    lines.push(`${mem} ${f(m.available)}`);
    if (flags & FLAG.lohi) {
      lines.push(`${col('Low:')}${f(m.lowTotal)} ${f(m.lowTotal - m.lowFree)} ${f(m.lowFree)}`);
      lines.push(`${col('High:')}${f(m.highTotal)} ${f(m.highTotal - m.highFree)} ${f(m.highFree)}`);
    }
    lines.push(`${col('Swap:')}${f(m.swapTotal)} ${f(m.swapUsed)} ${f(m.swapFree)}`);
    if (flags & FLAG.total) {
      lines.push(`${col('Total:')}${f(m.total + m.swapTotal)} ${f(m.used + m.swapUsed)} ${f(m.free + m.swapFree)}`);
    }
    if (flags & FLAG.committed) {
      lines.push(`${col('Comm:')}${f(m.commitLimit)} ${f(m.committed)} ${f(m.commitLimit - m.committed)}`);
    }
    await sys.writeAll(1, lines.join('\n') + '\n');
    if (flags & FLAG.count) {
      count--;
      if (count < 1) return 0;
    }
    if (!(flags & FLAG.repeat)) return 0;
    await sys.writeAll(1, '\n');
    await sys.sleep(intervalMs);
  }
}
