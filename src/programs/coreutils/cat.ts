// cat (GNU coreutils): copy files (or standard input, for "-" or no operand) to standard output.
// -n/-b number lines, -s squeezes blank lines, -E/-T/-v show line ends, tabs and nonprinting
// bytes (-A = -vET, -e = -vE, -t = -vT). A file it cannot read is reported and skipped.

import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quoteIfNeeded } from '../lib/quote.ts';
import { runTool, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'cat', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [FILE]...'],
  summary: 'Join FILEs and write them to standard output; with no FILE, or FILE "-", read standard input.',
  options: [
    { short: 'A', long: 'show-all', help: 'the same as -vET' },
    { short: 'b', long: 'number-nonblank', help: 'number the lines that are not empty (overrides -n)' },
    { short: 'e', help: 'the same as -vE' },
    { short: 'E', long: 'show-ends', help: "end each line with '$'" },
    { short: 'n', long: 'number', help: 'number every output line' },
    { short: 's', long: 'squeeze-blank', help: 'print one empty line where several follow each other' },
    { short: 't', help: 'the same as -vT' },
    { short: 'T', long: 'show-tabs', help: 'show TAB characters as ^I' },
    { short: 'u', help: '(accepted and ignored)' },
    { short: 'v', long: 'show-nonprinting', help: 'show control and high bytes with ^ and M- notation' },
  ],
};

interface Shaping {
  number: 'none' | 'all' | 'nonblank';
  squeeze: boolean;
  ends: boolean;
  tabs: boolean;
  nonprinting: boolean;
}

/** Line state carried from one file to the next, as GNU cat numbers across files. */
interface Carry {
  lineNo: number;
  atLineStart: boolean;
  blankRun: number;
}

function visible(b: number, s: Shaping): string {
  if (b === 9) return s.tabs ? '^I' : '\t';
  if (!s.nonprinting) return String.fromCharCode(b);
  let out = '';
  if (b >= 128) {
    out = 'M-';
    b -= 128;
  }
  if (b < 32) return `${out}^${String.fromCharCode(b + 64)}`;
  if (b === 127) return `${out}^?`;
  return out + String.fromCharCode(b);
}

/** Shape a chunk of bytes (as a latin1 string when shaping is on) line by line. */
function shapeChunk(bytes: Uint8Array, s: Shaping, carry: Carry): Uint8Array {
  let out = '';
  for (const b of bytes) {
    if (carry.atLineStart) {
      if (b === 10) {
        carry.blankRun++;
        if (s.squeeze && carry.blankRun > 1) continue;
      } else carry.blankRun = 0;
      if (s.number === 'all' || (s.number === 'nonblank' && b !== 10)) out += `${String(++carry.lineNo).padStart(6)}\t`;
      carry.atLineStart = false;
    }
    if (b === 10) {
      out += s.ends ? '$\n' : '\n';
      carry.atLineStart = true;
    } else out += s.tabs || s.nonprinting ? visible(b, s) : String.fromCharCode(b);
  }
  const result = new Uint8Array(out.length);
  for (let i = 0; i < out.length; i++) result[i] = out.charCodeAt(i);
  return result;
}

async function copy(tool: Tool, fd: number, shaping: Shaping | null, carry: Carry): Promise<void> {
  const { sys } = tool;
  for (let chunk = await sys.read(fd, 65536); chunk.length > 0; chunk = await sys.read(fd, 65536)) {
    await tool.out.write(shaping ? shapeChunk(chunk, shaping, carry) : chunk);
    // What was read goes out before the next read, which may wait (a pipe, a fifo, a terminal):
    // `cat fifo > log` must show each line as it comes, as GNU cat does.
    await tool.out.flush();
  }
}

export default function cat(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    const v = a.has('show-nonprinting') || a.has('show-all') || a.has('e') || a.has('t');
    const shaping: Shaping = {
      number: a.has('number-nonblank') ? 'nonblank' : a.has('number') ? 'all' : 'none',
      squeeze: a.has('squeeze-blank'),
      ends: a.has('show-ends') || a.has('show-all') || a.has('e'),
      tabs: a.has('show-tabs') || a.has('show-all') || a.has('t'),
      nonprinting: v,
    };
    const plain = shaping.number === 'none' && !shaping.squeeze && !shaping.ends && !shaping.tabs && !v;
    const carry: Carry = { lineNo: 0, atLineStart: true, blankRun: 0 };
    // GNU's cat looks at its output first (to refuse copying a file onto itself): a closed
    // standard output ends it there.
    if (!tool.busybox) {
      try {
        await sys.fstat(1);
      } catch (e) {
        await tool.sysError(e, 'standard output');
        return 1;
      }
    }
    const files = a.operands.length ? a.operands : ['-'];
    for (const name of files) {
      let opened = false;
      try {
        if (name === '-') {
          opened = true;
          await copy(tool, 0, plain ? null : shaping, carry);
          continue;
        }
        const fd = await sys.open(name, 0);
        opened = true;
        try {
          await copy(tool, fd, plain ? null : shaping, carry);
        } finally {
          await sys.close(fd);
        }
      } catch (e) {
        await tool.out.flush();
        await tool.sysError(e, tool.busybox ? (opened ? 'read error' : `can't open '${name}'`) : quoteIfNeeded(name));
      }
    }
    // GNU's tools close a standard input they read; a closed one fails there too.
    if (!tool.busybox && files.includes('-')) await tool.closeStdin('closing standard input');
  });
}
