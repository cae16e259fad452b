// head (GNU coreutils): the first 10 lines (-n N) or N bytes (-c N) of each file, or all but the
// last N with a leading '-'. With several files each gets a `==> NAME <==` header (-q never,
// -v always). Reads no further than it must, and on a seekable input leaves the offset right
// after what it printed, so `{ head -n1; cat; } < file` splits the file as on Linux.

import type { Sys } from '../../sys/sys.ts';
import { withArgv } from '../lib/argv.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { countNumber, parseSuffixed } from '../lib/suffixed.ts';
import { runTool, tryHelp, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'head', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [FILE]...'],
  summary: 'Print the first 10 lines of each FILE; with several FILEs, put a header before each.\nWith no FILE, or FILE "-", read standard input.',
  options: [
    { short: 'c', long: 'bytes', arg: 'required', argName: '[-]NUM', help: 'print the first NUM bytes; with a leading \'-\', all but the last NUM bytes' },
    { short: 'n', long: 'lines', arg: 'required', argName: '[-]NUM', help: 'print the first NUM lines (default 10); with a leading \'-\',\nall but the last NUM lines' },
    { short: 'q', long: 'quiet', key: 'quiet', help: 'never print headers' },
    { long: 'silent', key: 'quiet', help: 'the same as --quiet' },
    { short: 'v', long: 'verbose', help: 'always print headers' },
    { short: 'z', long: 'zero-terminated', help: 'lines end with a NUL byte, not a newline' },
    ...'0123456789'.split('').map((d) => ({ short: d, key: 'digit', help: '' })),
  ],
};

const CHUNK = 65536;
const SEEK_CUR = 1;

interface Plan {
  lines: boolean;
  count: number;
  elide: boolean;
  eol: number;
}

/** GNU's old syntax in the first argument: -5, -5c, -2k, -3qv... as modern options. */
function modernize(argv: string[]): string[] | string {
  const first = argv[1];
  const m = first ? /^-([0-9]+)(.*)$/s.exec(first) : null;
  if (!m) return argv;
  let lines = true;
  let mult = '';
  const extra: string[] = [];
  for (const ch of m[2]!) {
    if (ch === 'c') { lines = false; mult = ''; }
    else if (ch === 'b' || ch === 'k' || ch === 'm') { lines = false; mult = ch; }
    else if (ch === 'l') lines = true;
    else if (ch === 'q' || ch === 'v' || ch === 'z') extra.push(`-${ch}`);
    else return `head: invalid trailing option -- ${ch}`;
  }
  return [argv[0]!, lines ? '-n' : '-c', m[1]! + mult, ...extra, ...argv.slice(2)];
}

function parseCount(value: string, lines: boolean): { count: number; elide: boolean } | string {
  const elide = value.startsWith('-');
  const text = elide ? value.slice(1) : value;
  const r = parseSuffixed(text, 'bkKmMGTPEZY0');
  const what = lines ? 'lines' : 'bytes';
  if (r === 'invalid') return `invalid number of ${what}: ${quote(text)}`;
  if (r === 'overflow') return `invalid number of ${what}: ${quote(text)}: Value too large for defined data type`;
  return { count: countNumber(r), elide };
}

async function headLines(tool: Tool, fd: number, plan: Plan): Promise<void> {
  let left = plan.count;
  while (left > 0) {
    const chunk = await tool.sys.read(fd, CHUNK);
    if (chunk.length === 0) return;
    let end = 0;
    while (end < chunk.length) {
      if (chunk[end++] === plan.eol && --left === 0) break;
    }
    await tool.out.write(chunk.subarray(0, end));
    if (left === 0 && end < chunk.length) {
      try {
        await tool.sys.lseek(fd, end - chunk.length, SEEK_CUR);
      } catch {
        // A pipe cannot give the bytes back; GNU head ignores that too.
      }
    }
  }
}

async function headBytes(tool: Tool, fd: number, count: number): Promise<void> {
  let left = count;
  while (left > 0) {
    const chunk = await tool.sys.read(fd, Math.min(CHUNK, left));
    if (chunk.length === 0) return;
    left -= chunk.length;
    await tool.out.write(chunk);
  }
}

/** All but the last N lines (an unterminated last line counts as one) or bytes. */
async function elide(tool: Tool, fd: number, plan: Plan): Promise<void> {
  if (plan.count === Infinity) return;
  const data = await tool.sys.readAll(fd);
  if (!plan.lines) {
    await tool.out.write(data.subarray(0, Math.max(0, data.length - plan.count)));
    return;
  }
  let end = data.length;
  let left = plan.count;
  if (left === 0) {
    await tool.out.write(data);
    return;
  }
  // Step back over N line ends; an unterminated tail is a line of its own.
  let i = data.length - 1;
  if (i >= 0 && data[i] !== plan.eol) {
    left--;
    end = data.lastIndexOf(plan.eol) + 1;
    i = end - 1;
  }
  while (left > 0 && i >= 0) {
    // data[i] is an eol: the line it ends starts after the previous eol.
    const prev = i > 0 ? data.lastIndexOf(plan.eol, i - 1) : -1;
    end = prev + 1;
    i = prev;
    left--;
  }
  if (left > 0) end = 0;
  await tool.out.write(data.subarray(0, end));
}

export default async function head(sys: Sys): Promise<number> {
  const argv = modernize(sys.argv);
  if (typeof argv === 'string') {
    await sys.writeAll(2, `${argv}\n${tryHelp(meta)}`);
    return 1;
  }
  return runTool(withArgv(sys, argv), meta, async (tool) => {
    tool.wordWriteError({ midRun: (err) => `head: error writing 'standard output': ${err}\n` });
    const a = tool.args;
    let plan: Plan = { lines: true, count: 10, elide: false, eol: a.has('zero-terminated') ? 0 : 10 };
    for (const o of a.options) {
      if (o.key === 'digit') return tool.usage(`head: invalid trailing option -- ${o.spelled.slice(1)}`);
      if (o.key !== 'lines' && o.key !== 'bytes') continue;
      const r = parseCount(o.value!, o.key === 'lines');
      if (typeof r === 'string') {
        await tool.error(tool.busybox ? `invalid number ${quote(o.value!)}` : r);
        return 1;
      }
      plan = { ...plan, lines: o.key === 'lines', ...r };
    }
    const files = a.operands.length ? a.operands : ['-'];
    const headers = a.last('quiet', 'verbose') === 'verbose' || (!a.has('quiet') && files.length > 1);
    let first = true;
    for (const name of files) {
      const shown = name === '-' ? 'standard input' : name;
      let fd = 0;
      if (name !== '-') {
        try {
          fd = await sys.open(name, 0);
        } catch (e) {
          await tool.sysError(e, tool.busybox ? name : `cannot open ${quote(name)} for reading`);
          continue;
        }
      }
      try {
        if (headers) {
          await tool.out.write(`${first ? '' : '\n'}==> ${shown} <==\n`);
          first = false;
        }
        if (plan.elide) await elide(tool, fd, plan);
        else if (plan.lines) await headLines(tool, fd, plan);
        else await headBytes(tool, fd, plan.count);
      } catch (e) {
        await tool.sysError(e, `error reading ${quote(shown)}`);
      } finally {
        if (fd !== 0) await sys.close(fd);
      }
    }
    // GNU's tools close a standard input they read; a closed one fails there too.
    if (!tool.busybox && files.includes('-')) await tool.closeStdin();
  });
}
