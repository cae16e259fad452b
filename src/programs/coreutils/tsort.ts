// tsort (GNU coreutils): read pairs of words "A B" (A comes before B) and print every word in
// an order that keeps each pair's order. Words with nothing before them are taken in byte
// order, each followed by what it frees, as GNU's tsort (Knuth's algorithm T) takes them; a
// cycle is reported word by word on standard error and broken, and the status is then 1.

import { isSysError } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { runTool } from '../lib/tool.ts';
import { latin1ToBytes, readLatin1 } from './records.ts';

export const meta: ProgramMeta = {
  name: 'tsort', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION] [FILE]'],
  summary: 'Read pairs of words from FILE (standard input when absent or "-"), each pair saying the\n'
    + 'first comes before the second, and print all the words in an order that agrees.',
  options: [],
};

interface Item {
  str: string;
  printed: boolean;
  /** How many words must come before this one and are not printed yet. */
  count: number;
  /** Words that come after this one, the last recorded first. */
  top: Item[];
  qlink: Item | null;
}

export default function tsort(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const ops = tool.args.operands;
    if (ops.length > 1) return tool.usage(`tsort: extra operand ${quote(ops[1]!)}`);
    const file = ops[0] ?? '-';
    let text: string;
    try {
      if (file === '-') text = await readLatin1(sys, 0);
      else {
        const fd = await sys.open(file, 0);
        try {
          text = await readLatin1(sys, fd);
        } finally {
          await sys.close(fd);
        }
      }
    } catch (e) {
      // tsort's token reader takes a directory's read error for the end of its input.
      if (isSysError(e, 'EISDIR') && file !== '-' && !tool.busybox) text = '';
      else {
        await tool.sysError(e, file === '-' && !tool.busybox ? 'standard input' : quoteIfNeeded(file));
        return 1;
      }
    }

    const items = new Map<string, Item>();
    const item = (str: string): Item => {
      let it = items.get(str);
      if (!it) items.set(str, (it = { str, printed: false, count: 0, top: [], qlink: null }));
      return it;
    };
    const tokens = text.split(/[ \t\n]+/).filter((t) => t !== '');
    for (let i = 0; i + 1 < tokens.length; i += 2) {
      const j = item(tokens[i]!);
      const k = item(tokens[i + 1]!);
      if (j !== k) {
        k.count++;
        j.top.unshift(k);
      }
    }
    if (tokens.length % 2) {
      item(tokens[tokens.length - 1]!);
      await tool.error(`${quoteIfNeeded(file)}: input contains an odd number of tokens`);
      return 1;
    }

    // The tree walk of tsort.c visits the words in strcmp order.
    const sorted = [...items.values()].sort((a, b) => (a.str < b.str ? -1 : a.str > b.str ? 1 : 0));
    let left = sorted.length;
    let ok = true;
    let out = '';
    while (left > 0) {
      let head: Item | null = null;
      let zeros: Item | null = null;
      for (const k of sorted) {
        if (k.count === 0 && !k.printed) {
          if (!head) head = k;
          else zeros!.qlink = k;
          zeros = k;
        }
      }
      while (head) {
        out += `${head.str}\n`;
        head.printed = true;
        left--;
        for (const s of head.top) {
          s.count--;
          if (s.count === 0) {
            zeros!.qlink = s;
            zeros = s;
          }
        }
        head = head.qlink;
      }
      if (left > 0) {
        ok = false;
        await tool.out.write(latin1ToBytes(out));
        out = '';
        await tool.out.flush();
        await tool.error(`${quoteIfNeeded(file)}: input contains a loop:`);
        await breakLoop(sorted, (s) => tool.error(s));
      }
    }
    await tool.out.write(latin1ToBytes(out));
    return ok ? 0 : 1;
  });
}

/** detect_loop walked over the tree until it has printed one cycle and removed one of its edges. */
async function breakLoop(sorted: Item[], say: (s: string) => Promise<void>): Promise<void> {
  let loop: Item | null = null;
  for (;;) {
    let found = false;
    for (const k of sorted) {
      if (k.count <= 0) continue;
      if (loop === null) {
        loop = k;
        continue;
      }
      const idx = k.top.indexOf(loop);
      if (idx < 0) continue;
      if (k.qlink) {
        // A cycle: retrace the path back to K.
        while (loop) {
          const tmp: Item | null = loop.qlink;
          await say(loop.str);
          if (loop === k) {
            k.top[idx]!.count--;
            k.top.splice(idx, 1);
            break;
          }
          loop.qlink = null;
          loop = tmp;
        }
        while (loop) {
          const tmp: Item | null = loop.qlink;
          loop.qlink = null;
          loop = tmp;
        }
        found = true;
        break;
      }
      k.qlink = loop;
      loop = k;
    }
    if (found || !loop) return;
  }
}
