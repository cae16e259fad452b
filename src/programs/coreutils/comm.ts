// comm (GNU coreutils): compare two sorted files line by line and print three columns: lines
// only in the first, lines only in the second, lines in both; -1 -2 -3 hide a column. Lines
// compare as bytes (the C locale). A line out of order is reported once per file when the
// files have lines not in common (or always with --check-order, which then stops at once).

import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { runTool } from '../lib/tool.ts';
import { latin1ToBytes, readLatin1, splitRecords } from './records.ts';

export const meta: ProgramMeta = {
  name: 'comm', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... FILE1 FILE2'],
  summary: 'Compare the sorted files FILE1 and FILE2 line by line.\n\n'
    + 'With no options, print three columns: the lines only FILE1 has, the lines only FILE2 has,\n'
    + 'and the lines both have. A FILE of "-" is standard input.',
  options: [
    { short: '1', help: 'leave out the lines only FILE1 has' },
    { short: '2', help: 'leave out the lines only FILE2 has' },
    { short: '3', help: 'leave out the lines both files have' },
    { long: 'check-order', help: 'stop with an error at the first line out of order' },
    { long: 'nocheck-order', help: 'never look at whether the input is sorted' },
    { long: 'output-delimiter', arg: 'required', argName: 'STR', help: 'put STR between the columns' },
    { long: 'total', help: 'end with a line of how many lines each column had' },
    { short: 'z', long: 'zero-terminated', help: 'lines end with a NUL byte, not a newline' },
  ],
  epilog: 'Without --check-order or --nocheck-order, a line out of order is reported only when\n'
    + 'the files have lines not in common, and the status is then 1.',
};

class Fatal extends Error {}

export default function comm(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    const ops = a.operands;
    if (ops.length < 2) {
      return tool.usage(ops.length === 0 ? 'comm: missing operand' : `comm: missing operand after ${quote(ops[0]!)}`);
    }
    if (ops.length > 2) return tool.usage(`comm: extra operand ${quote(ops[2]!)}`);
    const delims = a.values('output-delimiter');
    for (const d of delims) {
      if (d !== delims[0]) {
        await tool.error('multiple output delimiters specified');
        return 1;
      }
    }
    const colSep = delims.length ? (delims[0] === '' ? '\0' : delims[0]!) : '\t';
    const show = [!a.has('1'), !a.has('2'), !a.has('3')];
    const check = a.last('check-order', 'nocheck-order');
    const eol = a.has('zero-terminated') ? '\0' : '\n';

    // Both files are opened before either is read, as comm does.
    const fds: number[] = [];
    try {
      for (const name of ops) {
        try {
          fds.push(name === '-' ? 0 : await sys.open(name, 0));
        } catch (e) {
          await tool.sysError(e, quoteIfNeeded(name));
          return 1;
        }
      }
      const files: string[][] = [];
      for (let i = 0; i < 2; i++) {
        try {
          files.push(splitRecords(await readLatin1(sys, fds[i]!), eol));
        } catch (e) {
          await tool.sysError(e, quoteIfNeeded(ops[i]!));
          return 1;
        }
      }

      let out = '';
      const flush = async (): Promise<void> => {
        await tool.out.write(latin1ToBytes(out));
        out = '';
      };
      const write = (line: string, column: 0 | 1 | 2): void => {
        if (!show[column]) return;
        if (column >= 1 && show[0]) out += colSep;
        if (column === 2 && show[1]) out += colSep;
        out += line + eol;
      };
      const warned = [false, false];
      let seenUnpairable = false;
      const checkOrder = async (prev: string, cur: string, file: 0 | 1): Promise<void> => {
        if (check === 'nocheck-order' || (check !== 'check-order' && !seenUnpairable) || warned[file]) return;
        if (prev > cur) {
          await flush();
          await tool.error(`file ${file + 1} is not in sorted order`);
          if (check === 'check-order') throw new Fatal();
          warned[file] = true;
        }
      };

      const totals = [0, 0, 0];
      const at = [0, 0];
      // Per file: the last two lines stepped past, to re-check a line dropped as common at the end.
      const prev: Array<[string | undefined, string | undefined]> = [[undefined, undefined], [undefined, undefined]];
      try {
        while (at[0]! < files[0]!.length || at[1]! < files[1]!.length) {
          const l0 = files[0]![at[0]!];
          const l1 = files[1]![at[1]!];
          const order = l0 === undefined ? 1 : l1 === undefined ? -1 : l0 < l1 ? -1 : l0 > l1 ? 1 : 0;
          if (order === 0) {
            totals[2]!++;
            write(l1!, 2);
          } else {
            seenUnpairable = true;
            if (order < 0) {
              totals[0]!++;
              write(l0!, 0);
            } else {
              totals[1]!++;
              write(l1!, 1);
            }
          }
          for (const i of [0, 1] as const) {
            if (!(i === 0 ? order <= 0 : order >= 0)) continue;
            const stepped = files[i]![at[i]!]!;
            prev[i] = [stepped, prev[i][0]];
            at[i]!++;
            const next = files[i]![at[i]!];
            if (next !== undefined) await checkOrder(stepped, next, i);
            else if (prev[i][1] !== undefined) await checkOrder(prev[i][1]!, stepped, i);
          }
          if (out.length > 65536) await flush();
        }
      } catch (e) {
        if (!(e instanceof Fatal)) throw e;
        await flush();
        return 1;
      }
      if (ops[0] === '-' && ops[1] === '-') {
        // Both are the one stdin stream: closing it the second time fails, as in comm.
        await flush();
        await tool.out.flush();
        await tool.error('-: Bad file descriptor');
        return 1;
      }
      if (a.has('total')) out += `${totals[0]}${colSep}${totals[1]}${colSep}${totals[2]}${colSep}total${eol}`;
      await flush();
      if (warned[0] || warned[1]) {
        await tool.out.flush();
        await tool.error('input is not in sorted order');
        return 1;
      }
      return 0;
    } finally {
      for (const fd of fds) if (fd !== 0) await sys.close(fd);
    }
  });
}
