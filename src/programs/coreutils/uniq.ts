// uniq (GNU coreutils): collapse runs of equal adjacent lines into one (or show only repeated
// -d/-D, only unique -u, or every run with --group separators), counting them with -c.
// Lines compare after skipping -f fields and -s bytes, over at most -w bytes, -i ignoring case.
// Input streams through, so `uniq` works at the end of a pipe that never ends.

import { isSysError, strerror } from '../../abi/errno.ts';
import { O_CREAT, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { Output, runTool, tryHelp, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'uniq', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [INPUT [OUTPUT]]'],
  summary: 'Write INPUT (or standard input) to OUTPUT (or standard output) with each run of\nadjacent equal lines written once.',
  options: [
    { short: 'c', long: 'count', help: 'put the number of times a line occurred before it' },
    { short: 'd', long: 'repeated', help: 'print only lines that occur more than once, once each' },
    { short: 'D', key: 'D', help: 'print every line that occurs more than once' },
    { long: 'all-repeated', arg: 'optional', argName: 'METHOD', help: 'like -D, with groups separated as METHOD says:\nnone (the default), prepend, or separate' },
    { short: 'f', long: 'skip-fields', arg: 'required', argName: 'N', help: 'ignore the first N fields of each line' },
    { long: 'group', arg: 'optional', argName: 'METHOD', help: 'print every line, with an empty line around groups as METHOD\nsays: separate (the default), prepend, append, or both' },
    { short: 'i', long: 'ignore-case', help: 'ignore the difference between upper and lower case' },
    { short: 's', long: 'skip-chars', arg: 'required', argName: 'N', help: 'ignore the first N bytes (after skipped fields)' },
    { short: 'u', long: 'unique', help: 'print only lines that occur once' },
    { short: 'z', long: 'zero-terminated', help: 'lines end with a NUL byte, not a newline' },
    { short: 'w', long: 'check-chars', arg: 'required', argName: 'N', help: 'compare at most N bytes of each line' },
  ],
};

interface Cmp {
  fields: number;
  chars: number;
  width: number;
  fold: boolean;
}

const isBlank = (c: number): boolean => c === 32 || c === 9;

/** The part of a line that is compared. */
function keyOf(line: Uint8Array, c: Cmp): Uint8Array {
  let p = 0;
  for (let f = 0; f < c.fields && p < line.length; f++) {
    while (p < line.length && isBlank(line[p]!)) p++;
    while (p < line.length && !isBlank(line[p]!)) p++;
  }
  p = Math.min(line.length, p + c.chars);
  return line.subarray(p, Math.min(line.length, p + c.width));
}

function sameKey(a: Uint8Array, b: Uint8Array, fold: boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    let x = a[i]!;
    let y = b[i]!;
    if (x === y) continue;
    if (!fold) return false;
    if (x >= 97 && x <= 122) x -= 32;
    if (y >= 97 && y <= 122) y -= 32;
    if (x !== y) return false;
  }
  return true;
}

/** Lines of a descriptor as byte arrays without their terminator. */
async function* byteLines(sys: Sys, fd: number, eol: number): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array = new Uint8Array(0);
  for (let chunk = await sys.read(fd, 65536); chunk.length > 0; chunk = await sys.read(fd, 65536)) {
    let buf = chunk;
    if (pending.length) {
      buf = new Uint8Array(pending.length + chunk.length);
      buf.set(pending);
      buf.set(chunk, pending.length);
    }
    let start = 0;
    for (let at = buf.indexOf(eol); at >= 0; at = buf.indexOf(eol, start)) {
      yield buf.subarray(start, at);
      start = at + 1;
    }
    pending = buf.slice(start);
  }
  if (pending.length) yield pending;
}

function parseSkip(text: string): number | null {
  if (!/^[ \t]*\+?[0-9]+$/.test(text)) return null;
  const n = Number(text.trim());
  return Number.isFinite(n) ? Math.min(n, Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER;
}

async function badArgument(tool: Tool, value: string, option: string, choices: string[]): Promise<number> {
  const hits = choices.filter((c) => c.startsWith(value));
  const kind = value !== '' && hits.length > 1 ? 'ambiguous' : 'invalid';
  await tool.sys.writeAll(2, `uniq: ${kind} argument ${quote(value)} for ${quote(option)}\nValid arguments are:\n${choices.map((c) => `  - ${quote(c)}\n`).join('')}${tryHelp(meta)}`);
  return 1;
}

function choose(value: string, choices: string[]): string | null {
  if (choices.includes(value)) return value;
  const hits = choices.filter((c) => c.startsWith(value));
  return value !== '' && hits.length === 1 ? hits[0]! : null;
}

export default function uniq(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    const cmp: Cmp = { fields: 0, chars: 0, width: Infinity, fold: a.has('ignore-case') };
    for (const o of a.options) {
      const limits: Record<string, [keyof Cmp, string]> = {
        'skip-fields': ['fields', 'invalid number of fields to skip'],
        'skip-chars': ['chars', 'invalid number of bytes to skip'],
        'check-chars': ['width', 'invalid number of bytes to compare'],
      };
      const lim = limits[o.key];
      if (!lim) continue;
      const n = parseSkip(o.value!);
      if (n === null) {
        await tool.error(`${o.value}: ${lim[1]}`);
        return 1;
      }
      (cmp as unknown as Record<string, number>)[lim[0]] = n;
    }
    let allRepeated: string | null = a.has('D') ? 'none' : null;
    let group: string | null = null;
    for (const o of a.options) {
      if (o.key === 'all-repeated') {
        const choices = ['none', 'prepend', 'separate'];
        const v = o.value === undefined ? 'none' : choose(o.value, choices);
        if (v === null) return badArgument(tool, o.value!, '--all-repeated', choices);
        allRepeated = v;
      } else if (o.key === 'D') allRepeated = 'none';
      else if (o.key === 'group') {
        const choices = ['prepend', 'append', 'separate', 'both'];
        const v = o.value === undefined ? 'separate' : choose(o.value, choices);
        if (v === null) return badArgument(tool, o.value!, '--group', choices);
        group = v;
      }
    }
    const count = a.has('count');
    const repeated = a.has('repeated');
    const unique = a.has('unique');
    if (group !== null && (count || repeated || allRepeated !== null || unique)) return tool.usage('uniq: --group is mutually exclusive with -c/-d/-D/-u');
    if (count && allRepeated !== null) return tool.usage('uniq: printing all duplicated lines and repeat counts is meaningless');
    const [input = '-', output, extra] = a.operands;
    if (extra !== undefined) return tool.usage(`uniq: extra operand ${quote(extra)}`);

    let inFd = 0;
    if (input !== '-') {
      try {
        inFd = await sys.open(input, 0);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await tool.error(`${quoteIfNeeded(input)}: ${strerror(e.code)}`);
        return 1;
      }
    }
    let out: Output = tool.out;
    let outFd = 1;
    if (output !== undefined && output !== '-') {
      try {
        outFd = await sys.open(output, O_WRONLY | O_CREAT | O_TRUNC, 0o666);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await tool.error(`${quoteIfNeeded(output)}: ${strerror(e.code)}`);
        return 1;
      }
      out = new Output(sys, outFd);
    }
    const eol = a.has('zero-terminated') ? 0 : 10;
    const eolBytes = Uint8Array.of(eol);
    const emit = async (line: Uint8Array): Promise<void> => {
      await out.write(line);
      await out.write(eolBytes);
    };
    // A run is the lines with one key: its first line, its size, and for -D/--group all of it.
    const keepAll = allRepeated !== null || group !== null;
    let first: Uint8Array | null = null;
    let firstKey: Uint8Array | null = null;
    let rest: Uint8Array[] = [];
    let n = 0;
    let groupsSeen = 0;
    let repeatedSeen = 0;
    const flush = async (): Promise<void> => {
      if (first === null) return;
      if (group !== null) {
        if (group === 'prepend' || group === 'both' || (group === 'separate' && groupsSeen > 0)) await out.write(eolBytes);
        await emit(first);
        for (const l of rest) await emit(l);
        if (group === 'append') await out.write(eolBytes);
        groupsSeen++;
      } else if (allRepeated !== null) {
        if (n > 1 && !unique) {
          if (allRepeated === 'prepend' || (allRepeated === 'separate' && repeatedSeen > 0)) await out.write(eolBytes);
          await emit(first);
          for (const l of rest) await emit(l);
          repeatedSeen++;
        }
      } else if ((n > 1 && !unique) || (n === 1 && !repeated)) {
        if (count) await out.write(`${String(n).padStart(7)} `);
        await emit(first);
      }
    };
    try {
      for await (const line of byteLines(sys, inFd, eol)) {
        if (firstKey !== null && sameKey(firstKey, keyOf(line, cmp), cmp.fold)) {
          n++;
          if (keepAll) rest.push(line.slice());
          continue;
        }
        await flush();
        first = line.slice();
        firstKey = keyOf(first, cmp);
        rest = [];
        n = 1;
      }
      await flush();
      if (group === 'both' && groupsSeen > 0) await out.write(eolBytes);
    } catch (e) {
      // GNU says only which file (its read error is reported without the reason).
      if (!isSysError(e)) throw e;
      await tool.error(`error reading ${quote(input)}`);
    } finally {
      if (inFd !== 0) await sys.close(inFd);
      if (outFd !== 1) {
        await out.flush();
        await sys.close(outFd);
      }
    }
  });
}
