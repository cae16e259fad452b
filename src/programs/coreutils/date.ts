// date (GNU coreutils): print the time (the kernel's CLOCK_REALTIME, or -d STRING, or FILE's
// modification time with -r) in the default form "Thu Nov 26 23:19:06 UTC 2026", +FORMAT
// (strftime with GNU's flags and %:z), -R (RFC 5322), -I[FMT] (ISO 8601) or --rfc-3339=FMT.
// Time zones: UTC, or a fixed-offset POSIX TZ ("EST5"); -u is TZ=UTC0. -f reads dates from a
// file. The simulated clock cannot be set, so an operand that sets the date fails.

import { isSysError, strerror } from '../../abi/errno.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { parseDate } from '../lib/parse-date.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { localTime, strftime, timeZone, type Tm } from '../lib/strftime.ts';
import { runTool, tryHelp, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'date', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [+FORMAT]', '[-u|--utc|--universal] [MMDDhhmm[[CC]YY][.ss]]'],
  summary: 'Print the date and time in the given FORMAT (default "%a %b %e %H:%M:%S %Z %Y").',
  options: [
    { short: 'd', long: 'date', arg: 'required', argName: 'STRING', help: 'show the time STRING describes (@EPOCH, 2024-01-02 03:04, "3 days ago"...)' },
    { short: 'f', long: 'file', arg: 'required', argName: 'DATEFILE', help: 'like -d, once for each line of DATEFILE' },
    { short: 'I', long: 'iso-8601', arg: 'optional', argName: 'FMT', help: "ISO 8601 output; FMT is 'date' (default), 'hours', 'minutes',\n'seconds' or 'ns'" },
    { short: 'R', long: 'rfc-email', help: 'RFC 5322 output, like Mon, 14 Aug 2006 02:34:56 -0600' },
    { long: 'rfc-3339', arg: 'required', argName: 'FMT', help: "RFC 3339 output; FMT is 'date', 'seconds' or 'ns'" },
    { short: 'r', long: 'reference', arg: 'required', argName: 'FILE', help: 'show the last modification time of FILE' },
    { short: 'u', long: 'utc', key: 'utc', help: 'use Coordinated Universal Time' },
    { long: 'universal', key: 'utc', help: 'the same as --utc' },
  ],
};

const ISO: [string, string][] = [
  ['hours', '%Y-%m-%dT%H%:z'], ['minutes', '%Y-%m-%dT%H:%M%:z'], ['date', '%Y-%m-%d'],
  ['seconds', '%Y-%m-%dT%H:%M:%S%:z'], ['ns', '%Y-%m-%dT%H:%M:%S,%N%:z'],
];
const RFC3339: [string, string][] = [['date', '%Y-%m-%d'], ['seconds', '%Y-%m-%d %H:%M:%S%:z'], ['ns', '%Y-%m-%d %H:%M:%S.%N%:z']];

/** strftime plus GNU date's %:z, %::z and %:::z, which glibc's strftime does not have. */
function format(fmt: string, tm: Tm, ns: number): string {
  const off = Math.abs(tm.gmtoff);
  const sign = tm.gmtoff < 0 ? '-' : '+';
  const hh = String(Math.floor(off / 3600)).padStart(2, '0');
  const mm = String(Math.floor((off % 3600) / 60)).padStart(2, '0');
  const ss = String(off % 60).padStart(2, '0');
  const colons = fmt.replace(/%%|%(:{1,3})z/g, (m, c: string | undefined) => {
    if (m === '%%') return m;
    if (c === ':') return `${sign}${hh}:${mm}`;
    if (c === '::') return `${sign}${hh}:${mm}:${ss}`;
    return mm === '00' && ss === '00' ? `${sign}${hh}` : ss === '00' ? `${sign}${hh}:${mm}` : `${sign}${hh}:${mm}:${ss}`;
  });
  return strftime(colons, tm, ns);
}

async function choose(tool: Tool, option: string, value: string, table: [string, string][]): Promise<string | null> {
  const exact = table.find(([w]) => w === value);
  if (exact) return exact[1];
  const hits = table.filter(([w]) => w.startsWith(value));
  if (value !== '' && hits.length === 1) return hits[0]![1];
  await tool.sys.writeAll(2, `date: ${value !== '' && hits.length > 1 ? 'ambiguous' : 'invalid'} argument ${quote(value)} for ${quote(option)}\nValid arguments are:\n${table.map(([w]) => `  - ${quote(w)}\n`).join('')}${tryHelp(meta)}`);
  return null;
}

/** MMDDhhmm[[CC]YY][.ss], the operand that sets the clock: whether it is well formed. */
function isSetSpec(s: string): boolean {
  return /^[0-9]{8}([0-9]{2}|[0-9]{4})?(\.[0-9]{2})?$/.test(s);
}

export default function date(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    let outFormat: string | null = null;
    let formats = 0;
    for (const o of a.options) {
      let f: string | null = null;
      if (o.key === 'iso-8601') {
        f = o.value === undefined ? '%Y-%m-%d' : await choose(tool, '--iso-8601', o.value, ISO);
        if (f === null) return 1;
      } else if (o.key === 'rfc-3339') {
        f = await choose(tool, '--rfc-3339', o.value!, RFC3339);
        if (f === null) return 1;
      } else if (o.key === 'rfc-email') f = '%a, %d %b %Y %H:%M:%S %z';
      else continue;
      formats++;
      outFormat = f;
    }
    const ops = a.operands;
    const plus = ops.find((s) => s.startsWith('+'));
    if (ops.length > 1) return tool.usage(`date: extra operand ${quote(ops[1]!)}`);
    if (plus !== undefined) {
      formats++;
      outFormat = plus.slice(1);
    }
    if (formats > 1) {
      await tool.error('multiple output formats specified');
      return 1;
    }
    const tz = a.has('utc') ? 'UTC0' : sys.getenv('TZ');
    const zone = timeZone(tz);
    const fmt = outFormat ?? '%a %b %e %H:%M:%S %Z %Y';
    const show = async (ns: bigint): Promise<void> => {
      const sec = Number(ns / 1_000_000_000n) - (ns < 0n && ns % 1_000_000_000n !== 0n ? 1 : 0);
      const frac = Number(((ns % 1_000_000_000n) + 1_000_000_000n) % 1_000_000_000n);
      await tool.out.write(`${format(fmt, localTime(sec, zone), frac)}\n`);
    };
    const now = await sys.clockGettime(0);
    const setting = ops.find((s) => !s.startsWith('+'));
    if (setting !== undefined) {
      if (a.has('date') || a.has('file') || a.has('reference')) return tool.usage(`date: the argument ${quote(setting)} lacks a leading '+';\nwhen using an option to specify date(s), any non-option\nargument must be a format string beginning with '+'`);
      if (!isSetSpec(setting)) {
        await tool.error(`invalid date ${quote(setting)}`);
        return 1;
      }
      await tool.error(`cannot set date: ${strerror('ENOSYS')}`);
      return 1;
    }
    const ref = a.value('reference');
    const when = a.value('date');
    const file = a.value('file');
    if ([ref, when, file].filter((x) => x !== undefined).length > 1) {
      return tool.usage('date: the options to specify dates for printing are mutually exclusive');
    }
    if (ref !== undefined) {
      try {
        await show((await sys.stat(ref)).mtimeNs);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await tool.error(`${quoteIfNeeded(ref)}: ${strerror(e.code)}`);
        return 1;
      }
      return 0;
    }
    if (file !== undefined) {
      let text: string;
      try {
        const fd = file === '-' ? 0 : await sys.open(file, 0);
        text = utf8Decode(await sys.readAll(fd));
        if (fd !== 0) await sys.close(fd);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await tool.error(`${quoteIfNeeded(file)}: ${strerror(e.code)}`);
        return 1;
      }
      const lines = text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      let status = 0;
      for (const line of lines) {
        const t = parseDate(line, now, tz);
        if (t === null) {
          await tool.out.flush();
          await tool.error(`invalid date ${quote(line)}`);
          status = 1;
        } else await show(t);
      }
      return status;
    }
    if (when !== undefined) {
      const t = parseDate(when, now, tz);
      if (t === null) {
        await tool.error(`invalid date ${quote(when)}`);
        return 1;
      }
      await show(t);
      return 0;
    }
    await show(now);
    return 0;
  });
}
