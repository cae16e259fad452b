// shuf (GNU coreutils): print the input lines (or -e ARGS, or the numbers -i LO-HI) in random
// order; -n keeps the first COUNT, -r draws with replacement, -o writes to a file. Random bytes
// are consumed exactly as gnulib's randint and randperm consume them, so a --random-source file
// gives the same output as GNU shuf (input from a pipe with -n is sampled through a reservoir,
// as there).

import { isSysError } from '../../abi/errno.ts';
import { O_CREAT, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import { S_IFMT, S_IFREG } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { runTool, type Tool } from '../lib/tool.ts';
import { latin1ToBytes, readLatin1, splitRecords } from './records.ts';

export const meta: ProgramMeta = {
  name: 'shuf', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [FILE]', '-e [OPTION]... [ARG]...', '-i LO-HI [OPTION]...'],
  summary: 'Print the lines of FILE (standard input when absent or "-") in random order.',
  options: [
    { short: 'e', long: 'echo', help: 'shuffle the ARGs, each as one line' },
    { short: 'i', long: 'input-range', arg: 'required', argName: 'LO-HI', help: 'shuffle the numbers LO to HI' },
    { short: 'n', long: 'head-count', arg: 'required', argName: 'COUNT', help: 'print at most COUNT lines' },
    { short: 'o', long: 'output', arg: 'required', argName: 'FILE', help: 'write to FILE rather than standard output' },
    { long: 'random-source', arg: 'required', argName: 'FILE', help: 'take the random bytes from FILE' },
    { short: 'r', long: 'repeat', help: 'lines may come out more than once (draw with replacement)' },
    { short: 'z', long: 'zero-terminated', help: 'lines end with a NUL byte, not a newline' },
  ],
};

class Fatal extends Error {}

const MASK = (1n << 64n) - 1n;
/** Past this many bytes of seekable input, -n samples through a reservoir (RESERVOIR_MIN_INPUT). */
const RESERVOIR_MIN_INPUT = 8192 * 1024;

/** Random bytes: the --random-source file in order, or the machine's own. */
class RandomBytes {
  private buf: Uint8Array = new Uint8Array(0);
  private at = 0;
  private eof = false;
  constructor(private readonly sys: Sys, private readonly fd: number | null, private readonly name: string, private readonly tool: Tool) {}

  async take(n: number): Promise<Uint8Array> {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (this.at >= this.buf.length) await this.fill();
      out[i] = this.buf[this.at++]!;
    }
    return out;
  }

  private async fill(): Promise<void> {
    this.at = 0;
    if (this.fd === null) {
      this.buf = new Uint8Array(64);
      for (let i = 0; i < 64; i++) this.buf[i] = Math.floor(Math.random() * 256);
      return;
    }
    this.buf = this.eof ? new Uint8Array(0) : await this.sys.read(this.fd, 4096);
    if (this.buf.length === 0) {
      this.eof = true;
      await this.tool.error(`${quote(this.name)}: end of file`);
      throw new Fatal();
    }
  }
}

/** gnulib's randint_genmax: a uniform number in 0..genmax from as few bytes as it can. */
class Randint {
  private randnum = 0n;
  private randmax = 0n;
  constructor(private readonly bytes: RandomBytes) {}

  async genmax(genmax: bigint): Promise<bigint> {
    let randnum = this.randnum;
    let randmax = this.randmax;
    const choices = genmax + 1n;
    for (;;) {
      if (randmax < genmax) {
        let n = 0;
        let rmax = randmax;
        do {
          rmax = ((rmax << 8n) & MASK) + 255n;
          n++;
        } while (rmax < genmax);
        const buf = await this.bytes.take(n);
        let i = 0;
        do {
          randnum = ((randnum << 8n) & MASK) + BigInt(buf[i]!);
          randmax = ((randmax << 8n) & MASK) + 255n;
          i++;
        } while (randmax < genmax);
      }
      if (randmax === genmax) {
        this.randnum = this.randmax = 0n;
        return randnum;
      }
      const excess = randmax - genmax;
      const unusable = excess % choices;
      const lastUsable = randmax - unusable;
      const reduced = randnum % choices;
      if (randnum <= lastUsable) {
        this.randnum = randnum / choices;
        this.randmax = excess / choices;
        return reduced;
      }
      randnum = reduced;
      randmax = unusable - 1n;
    }
  }

  async choose(n: number): Promise<number> {
    return Number(await this.genmax(BigInt(n) - 1n));
  }
}

/** randperm_new: the first h of a Fisher-Yates shuffle of 0..n-1. */
async function randperm(r: Randint, h: number, n: number): Promise<number[]> {
  if (h === 0) return [];
  const v = new Map<number, number>();
  const get = (i: number): number => v.get(i) ?? i;
  for (let i = 0; i < h; i++) {
    const j = i + (await r.choose(n - i));
    const t = get(i);
    v.set(i, get(j));
    v.set(j, t);
  }
  return Array.from({ length: h }, (_, i) => get(i));
}

export default function shuf(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    // A checked fwrite dies with the errno words; close_stdout then finds the stream failed too.
    tool.wordWriteError({ midRun: (err) => `shuf: write error: ${err}\nshuf: write error\n` });
    try {
      return await run(sys, tool);
    } catch (e) {
      if (e instanceof Fatal) return 1;
      throw e;
    }
  });
}

async function run(sys: Sys, tool: Tool): Promise<number> {
  const a = tool.args;
  const fail = async (msg: string): Promise<never> => {
    await tool.error(msg);
    throw new Fatal();
  };
  const echo = a.has('echo');
  let range: [bigint, bigint] | null = null;
  let head = Infinity;
  let source: string | undefined;
  let output: string | undefined;
  // xdectoumax: one number of the range, or the range's error.
  const bound = async (text: string): Promise<bigint> => {
    const m = /^[ \t\n\v\f\r]*\+?([0-9]+)$/.exec(text);
    if (!m) await fail(`invalid input range: ${quote(text)}`);
    const v = BigInt(m![1]!);
    if (v > MASK) await fail(`invalid input range: ${quote(text)}: Value too large for defined data type`);
    return v;
  };
  for (const o of a.options) {
    const v = o.value ?? '';
    switch (o.key) {
      case 'input-range': {
        if (range) await fail('multiple -i options specified');
        const dash = v.indexOf('-');
        const lo = dash < 0 ? (1n << 64n) - 1n : await bound(v.slice(0, dash));
        const hi = await bound(v.slice(dash + 1));
        const count = (hi - lo + 1n) & MASK;
        if (dash < 0 || (lo <= hi) === (count === 0n)) await fail(`invalid input range: ${quote(v)}`);
        range = [lo, hi];
        break;
      }
      case 'head-count': {
        const m = /^[ \t\n\v\f\r]*\+?([0-9]+)$/.exec(v);
        if (!m) await fail(`invalid line count: ${quote(v)}`);
        head = Math.min(head, Number(m![1]));
        break;
      }
      case 'output':
        if (output !== undefined && output !== v) await fail('multiple output files specified');
        output = v;
        break;
      case 'random-source':
        if (source !== undefined && source !== v) await fail('multiple random sources specified');
        source = v;
        break;
    }
  }
  if (echo && range) {
    await tool.usage('shuf: cannot combine -e and -i options');
    throw new Fatal();
  }
  const ops = a.operands;
  if (range ? ops.length > 0 : !echo && ops.length > 1) {
    await tool.usage(`shuf: extra operand ${quote(ops[range ? 0 : 1]!)}`);
    throw new Fatal();
  }
  const eol = a.has('zero-terminated') ? '\0' : '\n';
  const repeat = a.has('repeat');

  // The lines (or, for -i, their count); input from a pipe with -n (or -n 0) is sampled through
  // a reservoir, which draws random numbers as it reads.
  let lines: string[] = [];
  let n = 0;
  let reservoir = false;
  let inputFd = -1;
  if (echo) lines = ops.slice();
  else if (!range) {
    const name = ops[0] ?? '-';
    let opened = false;
    try {
      inputFd = name === '-' || head === 0 ? 0 : await sys.open(name, 0);
      opened = true;
      if (!repeat && head !== Infinity) {
        const st = await sys.fstat(inputFd);
        reservoir = head === 0 || (st.mode & S_IFMT) !== S_IFREG || Number(st.size) > RESERVOIR_MIN_INPUT;
      }
      if (!(reservoir && head === 0)) lines = splitRecords(await readLatin1(sys, inputFd), eol);
    } catch (e) {
      if (!isSysError(e)) throw e;
      // An open names the file; a read that fails (a directory, a closed stdin) is "read error".
      await tool.sysError(e, opened && !tool.busybox ? 'read error' : quoteIfNeeded(name));
      throw new Fatal();
    } finally {
      if (inputFd > 0) await sys.close(inputFd);
    }
  }

  let bytesFd: number | null = null;
  if (source !== undefined) {
    try {
      bytesFd = await sys.open(source, 0);
    } catch (e) {
      await tool.sysError(e, quoteIfNeeded(source));
      throw new Fatal();
    }
  }
  const r = new Randint(new RandomBytes(sys, bytesFd, source ?? '', tool));

  if (range) n = Number(range[1] - range[0] + 1n);
  else if (reservoir) {
    // read_input_reservoir_sampling: the first COUNT lines fill it; then, before each further
    // line is read (and once more at the end of the input), a slot is drawn for it.
    const k = head;
    const kept = lines.slice(0, k);
    if (k > 0 && lines.length >= k) {
      for (let seen = k; ; seen++) {
        const j = await r.choose(seen + 1);
        if (seen >= lines.length) break;
        if (j < k) kept[j] = lines[seen]!;
      }
    }
    lines = kept;
    n = kept.length;
  } else n = lines.length;

  let text = '';
  const item = (i: number): string => (range ? String(range[0] + BigInt(i)) : lines[i]!);
  if (repeat) {
    if (head > 0) {
      if (n === 0) await fail('no lines to repeat');
      const out = await openOutput(sys, tool, output);
      for (let i = 0; i < head; i++) {
        text += item(await r.choose(n)) + eol;
        if (text.length >= 65536 || i === head - 1) {
          await write(sys, tool, out, text, output);
          text = '';
        }
      }
    }
    return 0;
  }
  const h = Math.min(head, n);
  const perm = await randperm(r, h, n);
  for (const i of perm) text += item(i) + eol;
  const out = await openOutput(sys, tool, output);
  await write(sys, tool, out, text, output);
  return 0;
}

async function openOutput(sys: Sys, tool: Tool, name: string | undefined): Promise<number> {
  if (name === undefined) return 1;
  try {
    return await sys.open(name, O_WRONLY | O_CREAT | O_TRUNC, 0o666);
  } catch (e) {
    await tool.sysError(e, quoteIfNeeded(name));
    throw new Fatal();
  }
}

async function write(sys: Sys, tool: Tool, fd: number, text: string, name: string | undefined): Promise<void> {
  if (fd === 1) {
    await tool.out.write(latin1ToBytes(text));
    return;
  }
  try {
    await sys.writeAll(fd, latin1ToBytes(text));
  } catch (e) {
    // GNU's shuf checks -o's file as its output: "write error".
    await tool.sysError(e, tool.busybox ? quoteIfNeeded(name!) : 'write error');
    throw new Fatal();
  }
}
