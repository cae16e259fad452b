// cut (GNU coreutils): print selected bytes (-b), characters (-c, bytes too in 9.1) or fields
// (-f, split at the -d character, TAB by default) of each line. LIST is ranges like 1,3-5,7-
// merged and sorted as GNU's set_fields does (so order in LIST does not matter); --complement
// inverts it, -s drops lines without the delimiter, --output-delimiter joins the pieces.

import { isSysError, strerror } from '../../abi/errno.ts';
import { utf8Encode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { runTool, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'cut', package: 'GNU coreutils', version: '9.1',
  usage: ['OPTION... [FILE]...'],
  summary: 'Print the selected parts of each line of the FILEs.\nWith no FILE, or FILE "-", read standard input.',
  options: [
    { short: 'b', long: 'bytes', arg: 'required', argName: 'LIST', help: 'select only these bytes' },
    { short: 'c', long: 'characters', arg: 'required', argName: 'LIST', help: 'select only these characters' },
    { short: 'd', long: 'delimiter', arg: 'required', argName: 'DELIM', help: 'split fields at DELIM instead of TAB' },
    { short: 'f', long: 'fields', arg: 'required', argName: 'LIST', help: 'select only these fields; lines without the delimiter are\nprinted whole, unless -s' },
    { short: 'n', help: '(accepted and ignored)' },
    { long: 'complement', help: 'select everything except what LIST names' },
    { short: 's', long: 'only-delimited', help: 'skip lines that do not contain the delimiter' },
    { long: 'output-delimiter', arg: 'required', argName: 'STRING', help: 'join the selected parts with STRING (default: the input delimiter)' },
    { short: 'z', long: 'zero-terminated', help: 'lines end with a NUL byte, not a newline' },
  ],
  epilog: 'LIST is one or more ranges separated by commas: N, N-, N-M or -M, counted from 1.',
};

const MAX = Number.MAX_SAFE_INTEGER;

interface Range {
  lo: number;
  hi: number;
}

class ListError extends Error {}

/** GNU's set_fields: ranges, sorted and merged, maybe complemented. Throws with GNU's words. */
function parseList(spec: string, positions: boolean, complement: boolean): Range[] {
  const ranges: Range[] = [];
  let initial = 1;
  let value = 0;
  let lhs = false;
  let rhs = false;
  let dash = false;
  let numStart = -1;
  let inDigits = false;
  const fromOne = positions ? 'byte/character positions are numbered from 1' : 'fields are numbered from 1';
  for (let i = 0; ; i++) {
    const c = spec[i];
    if (c === '-') {
      inDigits = false;
      if (dash) throw new ListError(positions ? 'invalid byte or character range' : 'invalid field range');
      dash = true;
      if (lhs && !value) throw new ListError(fromOne);
      initial = lhs ? value : 1;
      value = 0;
    } else if (c === ',' || c === ' ' || c === '\t' || c === undefined) {
      inDigits = false;
      if (dash) {
        dash = false;
        if (!lhs && !rhs) throw new ListError('invalid range with no endpoint: -');
        if (!rhs) ranges.push({ lo: initial, hi: MAX });
        else {
          if (value < initial) throw new ListError('invalid decreasing range');
          ranges.push({ lo: initial, hi: value });
        }
        value = 0;
      } else {
        if (value === 0) throw new ListError(fromOne);
        ranges.push({ lo: value, hi: value });
        value = 0;
      }
      if (c === undefined) break;
      lhs = false;
      rhs = false;
    } else if (c >= '0' && c <= '9') {
      if (!inDigits) numStart = i;
      inDigits = true;
      if (dash) rhs = true;
      else lhs = true;
      value = value * 10 + Number(c);
      if (value >= 2 ** 53) {
        const bad = /^[0-9]+/.exec(spec.slice(numStart))![0];
        throw new ListError(positions ? `byte/character offset ${quote(bad)} is too large` : `field number ${quote(bad)} is too large`);
      }
    } else {
      throw new ListError(positions ? `invalid byte/character position ${quote(spec.slice(i))}` : `invalid field value ${quote(spec.slice(i))}`);
    }
  }
  ranges.sort((a, b) => a.lo - b.lo);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.lo <= last.hi) last.hi = Math.max(last.hi, r.hi);
    else merged.push({ ...r });
  }
  if (!complement) return merged;
  const out: Range[] = [];
  let next = 1;
  for (const r of merged) {
    if (r.lo > next) out.push({ lo: next, hi: r.lo - 1 });
    next = r.hi === MAX ? MAX : r.hi + 1;
  }
  if (next < MAX && (merged.length === 0 || merged[merged.length - 1]!.hi !== MAX)) out.push({ lo: next, hi: MAX });
  return out;
}

function selected(ranges: Range[], n: number): boolean {
  for (const r of ranges) {
    if (n < r.lo) return false;
    if (n <= r.hi) return true;
  }
  return false;
}

interface Job {
  mode: 'bytes' | 'fields';
  ranges: Range[];
  delim: number;
  outDelim: Uint8Array | null;
  onlyDelimited: boolean;
  eol: number;
}

async function cutLine(tool: Tool, line: Uint8Array, job: Job): Promise<void> {
  const out: Uint8Array[] = [];
  if (job.mode === 'bytes') {
    let first = true;
    for (const r of job.ranges) {
      if (r.lo > line.length) break;
      if (job.outDelim && !first) out.push(job.outDelim);
      out.push(line.subarray(r.lo - 1, Math.min(line.length, r.hi)));
      first = false;
    }
  } else {
    if (line.indexOf(job.delim) < 0) {
      if (job.onlyDelimited) return;
      out.push(line);
    } else {
      const sep = job.outDelim ?? Uint8Array.of(job.delim);
      let field = 1;
      let start = 0;
      let printed = false;
      for (let i = 0; i <= line.length; i++) {
        if (i === line.length || line[i] === job.delim) {
          if (selected(job.ranges, field)) {
            if (printed) out.push(sep);
            out.push(line.subarray(start, i));
            printed = true;
          }
          field++;
          start = i + 1;
        }
      }
    }
  }
  out.push(Uint8Array.of(job.eol));
  for (const part of out) await tool.out.write(part);
}

async function cutFd(tool: Tool, fd: number, job: Job): Promise<void> {
  let pending = new Uint8Array(0);
  for (let chunk = await tool.sys.read(fd, 65536); chunk.length > 0; chunk = await tool.sys.read(fd, 65536)) {
    let buf = chunk;
    if (pending.length) {
      buf = new Uint8Array(pending.length + chunk.length);
      buf.set(pending);
      buf.set(chunk, pending.length);
    }
    let start = 0;
    for (let at = buf.indexOf(job.eol); at >= 0; at = buf.indexOf(job.eol, start)) {
      await cutLine(tool, buf.subarray(start, at), job);
      start = at + 1;
    }
    pending = buf.slice(start);
  }
  if (pending.length) await cutLine(tool, pending, job);
}

export default function cut(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    let mode: 'bytes' | 'fields' | null = null;
    let list = '';
    let delim: number | null = null;
    for (const o of a.options) {
      if (o.key === 'bytes' || o.key === 'characters' || o.key === 'fields') {
        if (mode !== null) return tool.usage('cut: only one list may be specified');
        mode = o.key === 'fields' ? 'fields' : 'bytes';
        list = o.value!;
      } else if (o.key === 'delimiter') {
        const d = utf8Encode(o.value!);
        if (d.length > 1) return tool.usage('cut: the delimiter must be a single character');
        delim = d.length ? d[0]! : 0;
      }
    }
    if (mode === null) {
      if (tool.busybox) return tool.error('expected a list of bytes, characters, or fields');
      return tool.usage('cut: you must specify a list of bytes, characters, or fields');
    }
    if (delim !== null && mode !== 'fields') return tool.usage('cut: an input delimiter may be specified only when operating on fields');
    if (a.has('only-delimited') && mode !== 'fields') return tool.usage('cut: suppressing non-delimited lines makes sense\n\tonly when operating on fields');
    let ranges: Range[];
    try {
      ranges = parseList(list, mode === 'bytes', a.has('complement'));
    } catch (e) {
      if (!(e instanceof ListError)) throw e;
      return tool.usage(`cut: ${e.message}`);
    }
    const od = a.value('output-delimiter');
    const job: Job = {
      mode, ranges, delim: delim ?? 9, outDelim: od === undefined ? null : utf8Encode(od),
      onlyDelimited: a.has('only-delimited'), eol: a.has('zero-terminated') ? 0 : 10,
    };
    for (const name of a.operands.length ? a.operands : ['-']) {
      try {
        if (name === '-') await cutFd(tool, 0, job);
        else {
          const fd = await sys.open(name, 0);
          try {
            await cutFd(tool, fd, job);
          } finally {
            await sys.close(fd);
          }
        }
      } catch (e) {
        if (!isSysError(e)) throw e;
        await tool.error(`${quoteIfNeeded(name)}: ${strerror(e.code)}`);
      }
    }
    // GNU's tools close a standard input they read; a closed one fails there too.
    if (!tool.busybox && (a.operands.length === 0 || a.operands.includes('-'))) await tool.closeStdin();
  });
}
