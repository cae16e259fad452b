// dmesg (util-linux 2.38.1): print the kernel ring buffer, read with syslog(2) (this kernel has
// no /dev/kmsg). Each line is "[seconds.micros] text", as the kernel stamps it; -t drops the
// stamp, -T turns it into the wall-clock time (boot time plus the stamp, so it drifts as the
// real one does), -d adds the time since the previous line; -c prints then clears, -C only
// clears (both need root). The kernel's own lines include the memory cgroup OOM killer's.

import { isSysError, strerror } from '../../abi/errno.ts';
import { guardOutput, reportWriteError } from '../lib/tool.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { helpText } from '../lib/help.ts';
import { parseArgs, UsageError } from '../lib/options.ts';

export const meta: ProgramMeta = {
  name: 'dmesg', package: 'util-linux', version: '2.38.1', style: 'util-linux',
  usage: ['[options]'],
  summary: 'Show or clear the kernel ring buffer.',
  standardOptions: false,
  options: [
    { short: 'C', long: 'clear', help: 'empty the kernel ring buffer' },
    { short: 'c', long: 'read-clear', help: 'print every message, then empty the buffer' },
    { short: 'k', long: 'kernel', help: 'print kernel messages (all there are here)' },
    { short: 'P', long: 'nopager', help: 'do not page the output (it never is)' },
    { short: 'S', long: 'syslog', help: 'read with syslog(2) (the only way here)' },
    { short: 'd', long: 'show-delta', help: 'add the time since the previous message' },
    { short: 'T', long: 'ctime', help: 'print wall-clock times (boot time plus the stamp)' },
    { short: 't', long: 'notime', help: 'print no timestamps' },
    { short: 'h', long: 'help', key: 'help', help: 'display this help' },
    { short: 'V', long: 'version', key: 'version', help: 'display version' },
  ],
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ctime(3) without the newline, in UTC (the machine has no zone files). */
function ctime(seconds: number): string {
  const d = new Date(seconds * 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** Microseconds and text of one "[   12.345678] text" line. */
function parseLine(line: string): { us: number; text: string } | null {
  const m = /^\[\s*(\d+)\.(\d{6})\] ?(.*)$/s.exec(line);
  if (!m) return null;
  return { us: Number(m[1]) * 1e6 + Number(m[2]), text: m[3]! };
}

const stamp = (us: number, width: number): string => `${String(Math.floor(us / 1e6)).padStart(width)}.${String(us % 1e6).padStart(6, '0')}`;

/** util-linux's close_stdout: "dmesg: write error: ...", 1; a closed pipe (SIGPIPE ignored) is no error. */
export default function dmesg(sys: Sys): Promise<number> {
  return guardOutput(sys, 'dmesg', 1, () => main(sys), async (failure) => {
    if (failure.code === 'EPIPE') return 0;
    await reportWriteError(sys, 'dmesg', failure);
    return 1;
  });
}

async function main(sys: Sys): Promise<number> {
  let args;
  try {
    args = parseArgs(meta, sys.argv.slice(1));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    await sys.writeAll(2, `${e.text}\nTry 'dmesg --help' for more information.\n`);
    return 1;
  }
  const first = args.last('help', 'version');
  if (first === 'help') {
    await sys.writeAll(1, helpText(meta));
    return 0;
  }
  if (first === 'version') {
    await sys.writeAll(1, 'dmesg from util-linux 2.38.1\n');
    return 0;
  }
  if (args.operands.length) {
    await sys.writeAll(2, "dmesg: bad usage\nTry 'dmesg --help' for more information.\n");
    return 1;
  }
  if (args.has('clear')) {
    try {
      await sys.syslog(5);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await sys.writeAll(2, `dmesg: clear kernel buffer failed: ${strerror(e.code)}\n`);
      return 1;
    }
    return 0;
  }
  let text: string;
  try {
    text = await sys.syslog(args.has('read-clear') ? 4 : 3);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await sys.writeAll(2, `dmesg: read kernel buffer failed: ${strerror(e.code)}\n`);
    return 1;
  }
  const format = args.last('ctime', 'notime');
  const delta = args.has('show-delta');
  let bootAt = 0;
  if (format === 'ctime') {
    const real = Number((await sys.clockGettime(0)) / 1000n) / 1e6;
    const boot = Number((await sys.clockGettime(7)) / 1000n) / 1e6;
    bootAt = real - boot;
  }
  let out = '';
  let last = -1;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const rec = parseLine(line);
    if (!rec) {
      out += `${line}\n`;
      continue;
    }
    const d = delta ? ` <${stamp(last < 0 ? 0 : rec.us - last, 5)}>` : '';
    last = rec.us;
    if (format === 'notime') out += delta ? `[${d.slice(1)}] ${rec.text}\n` : `${rec.text}\n`;
    else if (format === 'ctime') out += `[${ctime(Math.floor(bootAt + rec.us / 1e6))}${d}] ${rec.text}\n`;
    else out += `[${stamp(rec.us, 5)}${d}] ${rec.text}\n`;
  }
  await sys.writeAll(1, out);
  return 0;
}
