// join (GNU coreutils): for each pair of lines of two sorted files with equal join fields,
// write one line: the join field, then the other fields of each. -1/-2/-j pick the fields,
// -a/-v print unpairable lines, -e fills missing fields, -o lays out the output (or `auto`),
// -t sets the one-character separator, -i ignores case, --header joins the first lines as they
// are. Input out of order is reported (file:line: is not sorted: LINE) as GNU's join does.
// Options and operands are read in order, since `-o 1.1 2.1` and `-j1` may swallow an operand.

import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { parseArgs } from '../lib/options.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { runTool, type Tool } from '../lib/tool.ts';
import { latin1ToBytes, readLatin1, splitRecords } from './records.ts';

export const meta: ProgramMeta = {
  name: 'join', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... FILE1 FILE2'],
  summary: 'For each pair of lines of FILE1 and FILE2 whose join fields are equal, write one line\n'
    + 'made of both. The join field is the first, and blanks separate fields, unless said\n'
    + 'otherwise. One of the FILEs (not both) may be "-", standard input.',
  options: [
    { short: 'a', arg: 'required', argName: 'FILENUM', help: 'also print the lines of file FILENUM (1 or 2) that pair with none' },
    { short: 'e', arg: 'required', argName: 'STRING', help: 'print STRING in place of a missing or empty output field' },
    { short: 'i', long: 'ignore-case', help: 'compare join fields without regard to case' },
    { short: 'j', arg: 'required', argName: 'FIELD', help: 'join on FIELD of both files (-1 FIELD -2 FIELD)' },
    { short: 'o', arg: 'required', argName: 'FORMAT', help: "lay out each output line as FORMAT says, or 'auto'" },
    { short: 't', arg: 'required', argName: 'CHAR', help: 'fields are separated by CHAR, in and out' },
    { short: 'v', arg: 'required', argName: 'FILENUM', help: 'like -a FILENUM, but leave out the joined lines' },
    { short: '1', arg: 'required', argName: 'FIELD', help: 'join on this FIELD of file 1' },
    { short: '2', arg: 'required', argName: 'FIELD', help: 'join on this FIELD of file 2' },
    { long: 'check-order', help: 'stop with an error at a line out of order, even when\nevery line pairs' },
    { long: 'nocheck-order', help: 'never look at whether the input is sorted' },
    { long: 'header', help: 'the first line of each file is a header: join those two as\nthey are, without pairing them' },
    { short: 'z', long: 'zero-terminated', help: 'lines end with a NUL byte, not a newline' },
  ],
  epilog: 'FIELD counts from 1. FORMAT is a list of FILENUM.FIELD or 0 (the join field), separated\n'
    + "by commas or blanks; 'auto' takes the number of fields from each file's first line.\n"
    + 'Both files must be sorted on the join field (sort -k 1b,1 sorts for a plain join).',
};

class Fatal extends Error {}

interface Line {
  text: string;
  fields: string[];
}

interface Spec {
  file: 0 | 1 | 2;
  field: number;
}

const NONE = Number.MAX_SAFE_INTEGER;

/** Why a FIELD is not one: exits as join does. */
async function fieldNumber(tool: Tool, text: string): Promise<number> {
  if (/^[ \t\n\v\f\r]*\+?[0-9]+$/.test(text)) {
    const n = Number(text.trim());
    if (n >= 1) return n > 2 ** 52 ? NONE - 1 : n - 1;
  }
  await tool.error(`invalid field number: ${quote(text)}`);
  throw new Fatal();
}

function splitFields(text: string, tab: string | null): string[] {
  if (text === '') return [];
  if (tab === '\n') return [text];
  if (tab !== null) return text.split(tab);
  // Runs of blanks separate fields; leading blanks are skipped, but trailing ones leave an
  // empty last field, as join.c's xfields() splits.
  const blank = (c: string | undefined): boolean => c === ' ' || c === '\t';
  const out: string[] = [];
  let p = 0;
  while (blank(text[p])) if (++p === text.length) return out;
  do {
    let sep = p + 1;
    while (sep < text.length && !blank(text[sep])) sep++;
    out.push(text.slice(p, sep));
    if (sep === text.length) return out;
    for (p = sep + 1; p < text.length && blank(text[p]); p++);
  } while (p < text.length);
  out.push('');
  return out;
}

export default function join(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    try {
      return await run(sys, tool);
    } catch (e) {
      if (e instanceof Fatal) {
        await tool.out.flush();
        return 1;
      }
      throw e;
    }
  });
}

type Status = 'operand' | 'j1' | 'j2' | 'o';

async function run(sys: Sys, tool: Tool): Promise<number> {
  const fail = async (msg: string): Promise<never> => {
    await tool.error(msg);
    throw new Fatal();
  };
  let printPairables = true;
  const unpairables = [false, false];
  let filler: string | undefined;
  let ignoreCase = false;
  const joinField = [NONE, NONE];
  let autoformat = false;
  const outlist: Spec[] = [];
  let tab: string | null = null;
  let check: 'default' | 'on' | 'off' = 'default';
  let header = false;
  let eol = '\n';
  const jCount = [0, 0];
  const names: string[] = [];
  const status: Status[] = [];

  const setJoinField = async (i: number, v: number): Promise<void> => {
    if (joinField[i] !== NONE && joinField[i] !== v) await fail(`incompatible join fields ${joinField[i]! + 1}, ${v + 1}`);
    joinField[i] = v;
  };
  const addFieldList = async (text: string): Promise<void> => {
    for (const item of text.split(/[, \t]/)) {
      if (item[0] === '0') {
        if (item.length > 1) await fail(`invalid field specifier: ${quote(item)}`);
        outlist.push({ file: 0, field: 0 });
      } else if (item[0] === '1' || item[0] === '2') {
        if (item[1] !== '.') await fail(`invalid field specifier: ${quote(item)}`);
        outlist.push({ file: Number(item[0]) as 1 | 2, field: await fieldNumber(tool, item.slice(2)) });
      } else await fail(`invalid file number in field spec: ${quote(item)}`);
    }
  };
  let prevStatus: Status = 'operand';
  let optStatus: Status = 'operand';
  const addFileName = async (name: string): Promise<void> => {
    let n = names.length;
    if (n === 2) {
      const op0 = status[0] === 'operand' ? 1 : 0;
      const arg = names[op0]!;
      switch (status[op0]) {
        case 'operand':
          await tool.usage(`join: extra operand ${quote(name)}`);
          throw new Fatal();
        case 'j1': jCount[0]!--; await setJoinField(0, await fieldNumber(tool, arg)); break;
        case 'j2': jCount[1]!--; await setJoinField(1, await fieldNumber(tool, arg)); break;
        case 'o': await addFieldList(arg); break;
      }
      if (!op0) {
        status[0] = status[1]!;
        names[0] = names[1]!;
      }
      n = 1;
    }
    status[n] = prevStatus;
    names[n] = name;
    names.length = n + 1;
    if (prevStatus === 'o') optStatus = 'o';
  };

  // The options and operands in the order getopt returns them (RETURN_IN_ORDER).
  const args = sys.argv.slice(1);
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    optStatus = 'operand';
    if (arg === '-' || !arg.startsWith('-')) {
      await addFileName(arg);
      prevStatus = optStatus;
      continue;
    }
    // This word alone, or with the next one when its last option takes that as its argument.
    let parsed = parseArgs(meta, [arg], { stopAtError: true });
    if (parsed.error) parsed = parseArgs(meta, args.slice(i, i + 2), { stopAtError: true });
    const opts = parsed.options;
    for (const o of opts) {
      const v = o.value ?? '';
      switch (o.key) {
        case 'v':
        case 'a':
          if (o.key === 'v') printPairables = false;
          {
            const m = /^[ \t\n\v\f\r]*\+?([0-9]+)$/.exec(v);
            const n = m ? Number(m[1]) : NaN;
            if (n !== 1 && n !== 2) await fail(`invalid field number: ${quote(v)}`);
            unpairables[n - 1] = true;
          }
          break;
        case 'e':
          if (filler !== undefined && filler !== v) await fail('conflicting empty-field replacement strings');
          filler = v;
          break;
        case 'ignore-case': ignoreCase = true; break;
        case '1': await setJoinField(0, await fieldNumber(tool, v)); break;
        case '2': await setJoinField(1, await fieldNumber(tool, v)); break;
        case 'j':
          if ((v === '1' || v === '2') && arg === `-j${v}`) {
            jCount[v === '2' ? 1 : 0]!++;
            optStatus = v === '2' ? 'j2' : 'j1';
          } else {
            await setJoinField(0, await fieldNumber(tool, v));
            await setJoinField(1, joinField[0]!);
          }
          break;
        case 'o':
          if (v === 'auto') autoformat = true;
          else {
            await addFieldList(v);
            optStatus = 'o';
          }
          break;
        case 't': {
          let t = v[0] ?? '\n';
          if (v.length > 1) {
            if (v === '\\0') t = '\0';
            else await fail(`multi-character tab ${quote(v)}`);
          }
          if (tab !== null && tab !== t) await fail('incompatible tabs');
          tab = t;
          break;
        }
        case 'nocheck-order': check = 'off'; break;
        case 'check-order': check = 'on'; break;
        case 'header': header = true; break;
        case 'zero-terminated': eol = '\0'; break;
      }
    }
    i += (opts[opts.length - 1]?.end ?? 1) - 1;
    prevStatus = optStatus;
  }
  prevStatus = 'operand';
  for (i++; i < args.length; i++) await addFileName(args[i]!);

  if (names.length !== 2) {
    await tool.usage(names.length === 0 ? 'join: missing operand' : `join: missing operand after ${quote(args[args.length - 1]!)}`);
    throw new Fatal();
  }
  for (let k = 0; k < 2; k++) {
    if (jCount[k] !== 0) {
      await setJoinField(0, k);
      await setJoinField(1, k);
    }
  }
  const jf = joinField.map((f) => (f === NONE ? 0 : f)) as [number, number];

  const fds: number[] = [];
  const texts: string[] = [];
  try {
    for (const name of names) {
      try {
        fds.push(name === '-' ? 0 : await sys.open(name, 0));
      } catch (e) {
        await tool.sysError(e, quoteIfNeeded(name));
        throw new Fatal();
      }
    }
    if (names[0] === '-' && names[1] === '-') await fail('both files cannot be standard input');
    for (let k = 0; k < 2; k++) {
      try {
        texts.push(await readLatin1(sys, fds[k]!));
      } catch (e) {
        // A directory or a closed stdin: join's getline fails, and it dies with "read error".
        await tool.sysError(e, 'read error');
        throw new Fatal();
      }
    }
  } finally {
    for (const fd of fds) if (fd !== 0) await sys.close(fd);
  }

  // ---- the merge, as join.c walks it --------------------------------------------------------
  const records = texts.map((t) => splitRecords(t, eol));
  const next = [0, 0];
  const lineNo = [0, 0];
  const prevLine: Array<Line | null> = [null, null];
  const warned = [false, false];
  let seenUnpairable = false;
  const outSep = tab === null ? ' ' : tab;
  let out = '';
  const flush = async (): Promise<void> => {
    await tool.out.write(latin1ToBytes(out));
    out = '';
  };
  const fold = (s: string): string => (ignoreCase ? s.replace(/[a-z]/g, (c) => c.toUpperCase()) : s);
  const keycmp = (a: Line, b: Line, fa: number, fb: number): number => {
    const x = a.fields[fa] ?? '';
    const y = b.fields[fb] ?? '';
    if (x === '') return y === '' ? 0 : -1;
    if (y === '') return 1;
    const p = fold(x);
    const q = fold(y);
    return p < q ? -1 : p > q ? 1 : 0;
  };
  const getLine = async (which: 0 | 1): Promise<Line | null> => {
    const text = records[which]![next[which]!];
    if (text === undefined) return null;
    next[which]!++;
    lineNo[which]!++;
    const line: Line = { text, fields: splitFields(text, tab) };
    const prev = prevLine[which];
    if (prev && check !== 'off' && (check === 'on' || seenUnpairable) && !warned[which]) {
      if (keycmp(prev, line, jf[which], jf[which]) > 0) {
        await flush();
        await tool.error(`${names[which]}:${lineNo[which]}: is not sorted: ${line.text}`);
        if (check === 'on') throw new Fatal();
        warned[which] = true;
      }
    }
    prevLine[which] = line;
    return line;
  };
  const blank: Line = { text: '', fields: [] };
  const autocount = [0, 0];
  const prfield = (n: number, line: Line): void => {
    const f = line.fields[n];
    if (f !== undefined && f !== '') out += f;
    else if (filler !== undefined) out += filler;
  };
  const prfields = (line: Line, joinAt: number, auto: number): void => {
    const nfields = autoformat ? auto : line.fields.length;
    for (let k = 0; k < joinAt && k < nfields; k++) {
      out += outSep;
      prfield(k, line);
    }
    for (let k = joinAt + 1; k < nfields; k++) {
      out += outSep;
      prfield(k, line);
    }
  };
  const prjoin = (l1: Line, l2: Line): void => {
    if (outlist.length) {
      outlist.forEach((o, k) => {
        if (k) out += outSep;
        if (o.file === 0) prfield(l1 === blank ? jf[1] : jf[0], l1 === blank ? l2 : l1);
        else prfield(o.field, o.file === 1 ? l1 : l2);
      });
    } else {
      prfield(l1 === blank ? jf[1] : jf[0], l1 === blank ? l2 : l1);
      prfields(l1, jf[0], autocount[0]!);
      prfields(l2, jf[1], autocount[1]!);
    }
    out += eol;
  };

  let seq1: Line[] = [];
  let seq2: Line[] = [];
  const first1 = await getLine(0);
  if (first1) seq1.push(first1);
  const first2 = await getLine(1);
  if (first2) seq2.push(first2);
  if (autoformat) {
    autocount[0] = seq1.length ? seq1[0]!.fields.length : 0;
    autocount[1] = seq2.length ? seq2[0]!.fields.length : 0;
  }
  if (header && (seq1.length || seq2.length)) {
    prjoin(seq1[0] ?? blank, seq2[0] ?? blank);
    prevLine[0] = null;
    prevLine[1] = null;
    if (seq1.length) {
      const l = await getLine(0);
      seq1 = l ? [l] : [];
    }
    if (seq2.length) {
      const l = await getLine(1);
      seq2 = l ? [l] : [];
    }
  }
  while (seq1.length && seq2.length) {
    const diff = keycmp(seq1[0]!, seq2[0]!, jf[0], jf[1]);
    if (diff < 0) {
      if (unpairables[0]) prjoin(seq1[0]!, blank);
      const l = await getLine(0);
      seq1 = l ? [l] : [];
      seenUnpairable = true;
      continue;
    }
    if (diff > 0) {
      if (unpairables[1]) prjoin(blank, seq2[0]!);
      const l = await getLine(1);
      seq2 = l ? [l] : [];
      seenUnpairable = true;
      continue;
    }
    // Gather the run of lines of each file that match the other's current line.
    let eof1 = false;
    for (;;) {
      const l = await getLine(0);
      if (!l) {
        eof1 = true;
        break;
      }
      seq1.push(l);
      if (keycmp(l, seq2[0]!, jf[0], jf[1]) !== 0) break;
    }
    let eof2 = false;
    for (;;) {
      const l = await getLine(1);
      if (!l) {
        eof2 = true;
        break;
      }
      seq2.push(l);
      if (keycmp(seq1[0]!, l, jf[0], jf[1]) !== 0) break;
    }
    const n1 = eof1 ? seq1.length : seq1.length - 1;
    const n2 = eof2 ? seq2.length : seq2.length - 1;
    if (printPairables) for (let x = 0; x < n1; x++) for (let y = 0; y < n2; y++) prjoin(seq1[x]!, seq2[y]!);
    seq1 = eof1 ? [] : [seq1[seq1.length - 1]!];
    seq2 = eof2 ? [] : [seq2[seq2.length - 1]!];
    if (out.length > 65536) await flush();
  }

  // The tails: printed if asked for, and read to the end to check their order.
  const checktail = check !== 'off' && !(warned[0] && warned[1]);
  if ((unpairables[0] || checktail) && seq1.length) {
    if (unpairables[0]) prjoin(seq1[0]!, blank);
    if (seq2.length) seenUnpairable = true;
    for (let l = await getLine(0); l; l = await getLine(0)) {
      if (unpairables[0]) prjoin(l, blank);
      if (warned[0] && !unpairables[0]) break;
    }
  }
  if ((unpairables[1] || checktail) && seq2.length) {
    if (unpairables[1]) prjoin(blank, seq2[0]!);
    if (seq1.length) seenUnpairable = true;
    for (let l = await getLine(1); l; l = await getLine(1)) {
      if (unpairables[1]) prjoin(blank, l);
      if (warned[1] && !unpairables[1]) break;
    }
  }
  await flush();
  if (warned[0] || warned[1]) {
    await tool.out.flush();
    await fail('input is not in sorted order');
  }
  return 0;
}
