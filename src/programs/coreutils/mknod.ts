// mknod (GNU coreutils): make a special file NAME of TYPE b (block), c or u (character), with
// MAJOR and MINOR device numbers, or p (named pipe, without numbers). -m sets the permission
// bits exactly; without it they are a=rw minus the umask. Only TYPE's first letter counts.

import { isSysError, strerror, SysError } from '../../abi/errno.ts';
import { S_IFBLK, S_IFCHR, S_IFIFO, makedev } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quoteIfNeeded } from '../lib/quote.ts';
import { localeQuote, report } from '../lib/report.ts';
import { setExactMode, specialFileMode } from '../lib/special-file.ts';
import { runTool, tryHelp } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'mknod', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... NAME TYPE [MAJOR MINOR]'],
  summary: 'Make a special file NAME of the given TYPE.',
  epilog: 'MAJOR and MINOR are needed for TYPE b, c and u, and must be left out for p; they are\ndecimal, octal with a leading 0, or hexadecimal with 0x. TYPE is one of:\n  b      a block (buffered) special file\n  c, u   a character (unbuffered) special file\n  p      a FIFO',
  options: [
    { short: 'm', long: 'mode', arg: 'required', argName: 'MODE', help: 'give the file permission bits MODE (as chmod reads it)\ninstead of a=rw minus the umask' },
  ],
};

/** xstrtoumax with base 0: decimal, 0octal or 0xhex; null when invalid or past 32 bits. */
function deviceNumber(s: string): number | null {
  const m = /^\s*\+?(?:0[xX]([0-9a-fA-F]+)|0([0-7]*)|([1-9][0-9]*))$/.exec(s);
  if (!m) return null;
  const v = m[1] !== undefined ? BigInt(`0x${m[1]}`) : m[2] !== undefined ? BigInt(`0o${m[2] || '0'}`) : BigInt(m[3]!);
  return v > 0xffffffffn ? null : Number(v);
}

export default function mknod(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    const spec = a.value('mode');
    const mode = await specialFileMode(tool, spec);
    if (mode === null) return 1;
    const ops = a.operands;
    const expected = ops.length === 0 || (ops.length >= 2 && ops[1]!.startsWith('p')) ? 2 : 4;
    if (ops.length < expected) {
      const msg = ops.length === 0 ? 'mknod: missing operand' : `mknod: missing operand after ${localeQuote(sys, ops[ops.length - 1]!)}`;
      const note = expected === 4 && ops.length === 2 ? 'Special files require major and minor device numbers.\n' : '';
      await sys.writeAll(2, `${msg}\n${note}${tryHelp(meta)}`);
      return 1;
    }
    if (ops.length > expected) {
      const note = expected === 2 && ops.length === 4 ? 'Fifos do not have major and minor device numbers.\n' : '';
      await sys.writeAll(2, `mknod: extra operand ${localeQuote(sys, ops[expected]!)}\n${note}${tryHelp(meta)}`);
      return 1;
    }
    const [name, type] = [ops[0]!, ops[1]!];
    try {
      if (type[0] === 'b' || type[0] === 'c' || type[0] === 'u') {
        const major = deviceNumber(ops[2]!);
        if (major === null) {
          await report(tool, `invalid major device number ${localeQuote(sys, ops[2]!)}`);
          return 1;
        }
        const minor = deviceNumber(ops[3]!);
        if (minor === null) {
          await report(tool, `invalid minor device number ${localeQuote(sys, ops[3]!)}`);
          return 1;
        }
        // The kernel's dev_t has 12 bits of major and 20 of minor; more cannot be said.
        if (major > 0xfff || minor > 0xfffff) throw new SysError('EINVAL');
        await sys.mknod(name, mode | (type[0] === 'b' ? S_IFBLK : S_IFCHR), makedev(major, minor));
      } else if (type[0] === 'p') {
        await sys.mknod(name, mode | S_IFIFO, 0);
      } else {
        return tool.usage(`mknod: invalid device type ${localeQuote(sys, type)}`);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      await report(tool, `${quoteIfNeeded(name)}: ${strerror(e.code)}`);
      return 1;
    }
    return spec !== undefined && !(await setExactMode(tool, name, mode)) ? 1 : 0;
  });
}
