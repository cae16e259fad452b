// uname (GNU coreutils): system information from uname(2): kernel name (-s, the default), node
// name (-n), release (-r), version (-v), machine (-m), processor (-p) and hardware platform (-i)
// ("unknown" here, and left out of -a as GNU does), operating system (-o).

import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'uname', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]...'],
  summary: 'Print system information (with no OPTION, the same as -s).',
  options: [
    { short: 'a', long: 'all', help: 'print everything below, except -p and -i when unknown' },
    { short: 's', long: 'kernel-name', help: 'print the kernel name' },
    { short: 'n', long: 'nodename', help: 'print the network node (host) name' },
    { short: 'r', long: 'kernel-release', help: 'print the kernel release' },
    { short: 'v', long: 'kernel-version', help: 'print the kernel version' },
    { short: 'm', long: 'machine', help: 'print the machine hardware name' },
    { short: 'p', long: 'processor', help: 'print the processor type' },
    { short: 'i', long: 'hardware-platform', help: 'print the hardware platform' },
    { short: 'o', long: 'operating-system', help: 'print the operating system' },
  ],
};

export default function uname(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    if (a.operands.length) return tool.usage(`uname: extra operand ${quote(a.operands[0]!)}`);
    const u = await sys.uname();
    const all = a.has('all');
    const want = (k: string): boolean => all || a.has(k);
    const parts: string[] = [];
    const any = ['kernel-name', 'nodename', 'kernel-release', 'kernel-version', 'machine', 'processor', 'hardware-platform', 'operating-system'].some((k) => a.has(k));
    if (want('kernel-name') || (!any && !all)) parts.push(u.sysname);
    if (want('nodename')) parts.push(u.nodename);
    if (want('kernel-release')) parts.push(u.release);
    if (want('kernel-version')) parts.push(u.version);
    if (want('machine')) parts.push(u.machine);
    if (a.has('processor')) parts.push('unknown');
    if (a.has('hardware-platform')) parts.push('unknown');
    // alpine builds busybox with the OS name "Linux" (musl, no GNU libc).
    if (want('operating-system')) parts.push(tool.busybox ? 'Linux' : 'GNU/Linux');
    await tool.out.write(`${parts.join(' ')}\n`);
  });
}
