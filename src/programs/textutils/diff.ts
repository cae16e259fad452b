// diff (GNU diffutils 3.8): compare files line by line and print the differences in the normal,
// unified (-u) or context (-c) format, or only say whether they differ (-q); compare
// directories, recursively with -r, naming files found on one side only. The comparison itself
// is diff-analyze.ts. Exit status: 0 no differences, 1 some, 2 trouble.

import { isSysError, strerror } from '../../abi/errno.ts';
import { O_DIRECTORY, O_RDONLY } from '../../abi/open-flags.ts';
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, type Stat } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { parseArgs, UsageError } from '../lib/options.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import { argToText, bytesToText, textToBytes } from '../lib/regex.ts';
import { localTime, strftime, timeZone } from '../lib/strftime.ts';
import { helpText, versionText } from '../lib/help.ts';
import { isBusybox, outputFailure, runTool, type Tool } from '../lib/tool.ts';
import { analyze, type Change } from './diff-analyze.ts';

export const meta: ProgramMeta = {
  name: 'diff', package: 'GNU diffutils', version: '3.8',
  usage: ['[OPTION]... FILES'],
  summary: 'Compare FILES line by line.',
  usageStatus: 2,
  // "diff: standard output: strerror" (--help: "diff: write failed"), status 2.
  exitFailure: 2,
  options: [
    { long: 'normal', help: 'print the differences in the normal format (the default)' },
    { short: 'q', long: 'brief', help: 'only say whether the files differ' },
    { short: 's', long: 'report-identical-files', help: 'also say when two files are the same' },
    { short: 'c', help: 'print the differences with 3 lines of copied context' },
    { short: 'C', key: 'context', arg: 'required', argName: 'NUM', help: 'the same with NUM lines of context' },
    { long: 'context', arg: 'optional', argName: 'NUM', help: 'the same as -C NUM (3 lines without NUM)' },
    { short: 'u', help: 'print the differences with 3 lines of unified context' },
    { short: 'U', key: 'unified', arg: 'required', argName: 'NUM', help: 'the same with NUM lines of context' },
    { long: 'unified', arg: 'optional', argName: 'NUM', help: 'the same as -U NUM (3 lines without NUM)' },
    { long: 'label', arg: 'required', argName: 'LABEL', help: 'use LABEL instead of a file name and time in the header\n(give it twice for both files)' },
    { short: 'r', long: 'recursive', help: 'compare the subdirectories found too' },
    { short: 'N', long: 'new-file', help: 'treat a file missing on one side as empty' },
    { short: 'i', long: 'ignore-case', help: 'let upper and lower case match' },
    { short: 'b', long: 'ignore-space-change', help: 'ignore changes in the amount of white space' },
    { short: 'w', long: 'ignore-all-space', help: 'ignore all white space' },
    { short: 'B', long: 'ignore-blank-lines', help: 'ignore changes whose lines are all blank' },
    { short: 'a', long: 'text', help: 'compare every file as text' },
    { short: 'd', long: 'minimal', help: 'look harder for the smallest set of changes' },
  ],
  epilog: "FILES are 'FILE1 FILE2', 'DIR1 DIR2', 'DIR FILE' or 'FILE DIR'; a FILE of '-' is standard input.\nExit status: 0 when the inputs are the same, 1 when they differ, 2 on trouble.",
};

type Style = 'normal' | 'unified' | 'context';

interface Options {
  style: Style;
  context: number;
  brief: boolean;
  reportIdentical: boolean;
  recursive: boolean;
  newFile: boolean;
  icase: boolean;
  space: 'none' | 'change' | 'all';
  blankLines: boolean;
  text: boolean;
  minimal: boolean;
  labels: string[];
  switches: string;
  utf8: boolean;
  tz: ReturnType<typeof timeZone>;
}

interface FileData {
  name: string;
  stat: Stat | null;
  bytes: Uint8Array;
  lines: string[];
  missingNewline: boolean;
}

class Diff {
  private parts: string[] = [];
  private size = 0;
  trouble = false;

  constructor(readonly tool: Tool, readonly o: Options) {}

  get sys(): Sys {
    return this.tool.sys;
  }

  out(text: string): void {
    this.parts.push(text);
    this.size += text.length;
  }

  async flush(force = false): Promise<void> {
    if (this.size === 0 || (!force && this.size < 65536)) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await this.sys.writeAll(1, textToBytes(text, this.o.utf8));
  }

  async error(message: string): Promise<void> {
    await this.flush(true);
    this.trouble = true;
    await this.sys.writeAll(2, `diff: ${message}\n`);
  }

  private name(s: string): string {
    return argToText(s, this.o.utf8);
  }

  private async statOf(path: string): Promise<Stat | null> {
    if (path === '-') return this.sys.fstat(0);
    return this.sys.stat(path);
  }

  /** Compare two operands (top level); returns 0, 1 or 2. */
  async top(a: string, b: string): Promise<number> {
    let sa: Stat | null = null;
    let sb: Stat | null = null;
    let missing = false;
    try {
      sa = await this.statOf(a);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (!(this.o.newFile && e.code === 'ENOENT')) {
        await this.error(`${a}: ${strerror(e.code)}`);
        missing = true;
      }
    }
    try {
      sb = await this.statOf(b);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (!(this.o.newFile && e.code === 'ENOENT')) {
        await this.error(`${b}: ${strerror(e.code)}`);
        missing = true;
      }
    }
    if (missing) return 2;
    const dirA = sa !== null && isDir(sa);
    const dirB = sb !== null && isDir(sb);
    if (dirA && !dirB && sb !== null && b !== '-') return this.files(joinPath(a, baseName(b)), b, undefined, sb, false);
    if (dirB && !dirA && sa !== null && a !== '-') return this.files(a, joinPath(b, baseName(a)), sa, undefined, false);
    if (dirA && dirB) return this.dirs(a, b, 0);
    return this.files(a, b, sa, sb, false);
  }

  /** Compare two directories' entries, in name order. */
  private async dirs(a: string, b: string, depth: number): Promise<number> {
    const [la, lb] = await Promise.all([this.list(a), this.list(b)]);
    if (la === null || lb === null) return 2;
    const names = [...new Set([...la, ...lb])].sort(byteOrder);
    const setA = new Set(la);
    const setB = new Set(lb);
    let status = 0;
    for (const n of names) {
      const pa = joinPath(a, n);
      const pb = joinPath(b, n);
      let st: number;
      if (!setA.has(n) || !setB.has(n)) {
        if (this.o.newFile) {
          st = await this.entry(pa, pb, depth, setA.has(n), setB.has(n));
        } else {
          this.out(`Only in ${this.name(setA.has(n) ? a : b)}: ${this.name(n)}\n`);
          st = 1;
        }
      } else st = await this.entry(pa, pb, depth, true, true);
      status = Math.max(status, st);
      await this.flush();
    }
    return status;
  }

  private async entry(pa: string, pb: string, depth: number, hasA: boolean, hasB: boolean): Promise<number> {
    let sa: Stat | null = null;
    let sb: Stat | null = null;
    try {
      if (hasA) sa = await this.sys.stat(pa);
      if (hasB) sb = await this.sys.stat(pb);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await this.error(`${hasA && !sa ? pa : pb}: ${strerror(e.code)}`);
      return 2;
    }
    const dirA = sa !== null && isDir(sa);
    const dirB = sb !== null && isDir(sb);
    if (dirA && dirB) {
      if (this.o.recursive) return this.dirs(pa, pb, depth + 1);
      this.out(`Common subdirectories: ${this.name(pa)} and ${this.name(pb)}\n`);
      return 0;
    }
    if ((dirA && sb && !dirB) || (dirB && sa && !dirA)) {
      this.out(`File ${this.name(pa)} is a ${fileType(sa!)} while file ${this.name(pb)} is a ${fileType(sb!)}\n`);
      return 1;
    }
    if (dirA || dirB) {
      // A directory on one side only, with -N.
      if (!this.o.recursive) {
        this.out(`Only in ${this.name(dirA ? dirOf(pa) : dirOf(pb))}: ${this.name(baseName(dirA ? pa : pb))}\n`);
        return 1;
      }
      return this.dirsOneSided(pa, pb, dirA, depth);
    }
    return this.files(pa, pb, sa, sb, true);
  }

  /** -r -N: a directory on one side; every file under it against nothing. */
  private async dirsOneSided(pa: string, pb: string, leftHas: boolean, depth: number): Promise<number> {
    const names = await this.list(leftHas ? pa : pb);
    if (names === null) return 2;
    let status = 0;
    for (const n of names.sort(byteOrder)) status = Math.max(status, await this.entry(joinPath(pa, n), joinPath(pb, n), depth + 1, leftHas, !leftHas));
    return status;
  }

  private async list(dir: string): Promise<string[] | null> {
    try {
      const fd = await this.sys.open(dir, O_RDONLY | O_DIRECTORY);
      try {
        return (await this.sys.getdents(fd)).map((d) => d.name).filter((n) => n !== '.' && n !== '..');
      } finally {
        await this.sys.close(fd);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      await this.error(`${dir}: ${strerror(e.code)}`);
      return null;
    }
  }

  private async read(path: string, st: Stat | null): Promise<FileData | null> {
    const { sys } = this;
    let bytes: Uint8Array;
    try {
      if (st === null) bytes = new Uint8Array(0);
      else if (path === '-') bytes = await sys.readAll(0);
      else {
        const fd = await sys.open(path, O_RDONLY);
        try {
          bytes = await sys.readAll(fd);
        } finally {
          await sys.close(fd);
        }
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      await this.error(`${path}: ${strerror(e.code)}`);
      return null;
    }
    return { name: path, stat: st, bytes, lines: [], missingNewline: false };
  }

  /**
   * Compare two files. A stat of null is a file that is absent (compared as empty); undefined
   * means stat it now. `inDir` prints GNU's "diff SWITCHES A B" line before the output.
   */
  private async files(a: string, b: string, sa: Stat | null | undefined, sb: Stat | null | undefined, inDir: boolean): Promise<number> {
    const { o } = this;
    const statNow = async (path: string): Promise<Stat | null | false> => {
      try {
        return await this.statOf(path);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (o.newFile && e.code === 'ENOENT') return null;
        await this.error(`${path}: ${strerror(e.code)}`);
        return false;
      }
    };
    if (sa === undefined) {
      const st = await statNow(a);
      if (st === false) return 2;
      sa = st;
    }
    if (sb === undefined) {
      const st = await statNow(b);
      if (st === false) return 2;
      sb = st;
    }
    const fa = await this.read(a, sa);
    const fb = await this.read(b, sb);
    if (!fa || !fb) return 2;
    const labelA = this.name(o.labels[0] ?? a);
    const labelB = this.name(o.labels[1] ?? b);
    const header = inDir ? `diff${o.switches} ${this.name(a)} ${this.name(b)}\n` : '';
    const binary = !o.text && (fa.bytes.subarray(0, 65536).includes(0) || fb.bytes.subarray(0, 65536).includes(0));
    if (binary || (o.brief && o.space === 'none' && !o.icase && !o.blankLines)) {
      const same = sameBytes(fa.bytes, fb.bytes);
      if (same) {
        if (o.reportIdentical) this.out(`Files ${labelA} and ${labelB} are identical\n`);
        return 0;
      }
      this.out(o.brief ? `Files ${labelA} and ${labelB} differ\n` : `${header}Binary files ${labelA} and ${labelB} differ\n`);
      return 1;
    }
    splitLines(fa, o.utf8);
    splitLines(fb, o.utf8);
    const changes = analyze({
      lines: [fa.lines, fb.lines], missingNewline: [fa.missingNewline, fb.missingNewline], key: keyFunction(o),
      incompleteMatches: o.space !== 'none', horizon: o.style === 'normal' ? 0 : o.context, minimal: o.minimal,
    });
    const shown = o.blankLines ? changes.filter((c) => !blankOnly(c, fa, fb, o)) : changes;
    if (shown.length === 0) {
      if (o.reportIdentical) this.out(`Files ${labelA} and ${labelB} are identical\n`);
      return 0;
    }
    if (o.brief) {
      this.out(`Files ${labelA} and ${labelB} differ\n`);
      return 1;
    }
    this.out(header);
    if (o.style === 'normal') this.normal(shown, fa, fb);
    else {
      const ignorable = o.blankLines ? new Set(changes.filter((c) => blankOnly(c, fa, fb, o))) : new Set<Change>();
      this.contextHeader(fa, fb, o.labels);
      this.hunks(changes, ignorable, fa, fb);
    }
    return 1;
  }

  private line(prefix: string, f: FileData, i: number): void {
    const text = f.lines[i]!;
    this.out(prefix === '' ? text : `${prefix} ${text}`);
    this.out(i === f.lines.length - 1 && f.missingNewline ? '\n\\ No newline at end of file\n' : '\n');
  }

  private normal(changes: Change[], fa: FileData, fb: FileData): void {
    for (const c of changes) {
      const letter = c.deleted && c.inserted ? 'c' : c.deleted ? 'd' : 'a';
      this.out(`${range(c.line0, c.line0 + c.deleted - 1)}${letter}${range(c.line1, c.line1 + c.inserted - 1)}\n`);
      for (let i = 0; i < c.deleted; i++) this.line('<', fa, c.line0 + i);
      if (c.deleted && c.inserted) this.out('---\n');
      for (let i = 0; i < c.inserted; i++) this.line('>', fb, c.line1 + i);
    }
  }

  private stamp(f: FileData): string {
    const st = f.stat;
    const ns = st ? st.mtimeNs : 0n;
    const sec = Number(ns / 1000000000n);
    const nano = Number(ns % 1000000000n);
    const tm = localTime(sec, this.o.tz);
    return this.o.style === 'unified' ? strftime('%Y-%m-%d %H:%M:%S.%N %z', tm, nano) : strftime('%a %b %e %T %Y', tm, nano);
  }

  private contextHeader(fa: FileData, fb: FileData, labels: string[]): void {
    const [m0, m1] = this.o.style === 'unified' ? ['---', '+++'] : ['***', '---'];
    const label = (mark: string, f: FileData, l: string | undefined): string => (l !== undefined ? `${mark} ${this.name(l)}\n` : `${mark} ${this.name(f.name)}\t${this.stamp(f)}\n`);
    this.out(label(m0, fa, labels[0]) + label(m1, fb, labels[1]));
  }

  /** Group changes into hunks with `context` lines around them, as GNU's find_hunk does. */
  private hunks(changes: Change[], ignorable: Set<Change>, fa: FileData, fb: FileData): void {
    const ctx = this.o.context;
    let k = 0;
    while (k < changes.length) {
      const group = [changes[k]!];
      for (;;) {
        const prev = group[group.length - 1]!;
        const next = changes[k + group.length];
        if (!next) break;
        const top0 = prev.line0 + prev.deleted;
        const thresh = ignorable.has(next) ? ctx : 2 * ctx + 1;
        if (next.line0 - top0 < thresh) group.push(next);
        else break;
      }
      k += group.length;
      if (group.every((c) => ignorable.has(c))) continue;
      if (this.o.style === 'unified') this.unifiedHunk(group, fa, fb);
      else this.contextHunk(group, fa, fb);
    }
  }

  private bounds(group: Change[], fa: FileData, fb: FileData): [number, number, number, number] {
    const ctx = this.o.context;
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const first0 = Math.max(first.line0 - ctx, 0);
    const first1 = Math.max(first.line1 - ctx, 0);
    let last0 = last.line0 + last.deleted - 1;
    let last1 = last.line1 + last.inserted - 1;
    last0 = last0 < fa.lines.length - ctx ? last0 + ctx : fa.lines.length - 1;
    last1 = last1 < fb.lines.length - ctx ? last1 + ctx : fb.lines.length - 1;
    return [first0, last0, first1, last1];
  }

  private unifiedHunk(group: Change[], fa: FileData, fb: FileData): void {
    const [first0, last0, first1, last1] = this.bounds(group, fa, fb);
    this.out(`@@ -${unifiedRange(first0, last0)} +${unifiedRange(first1, last1)} @@\n`);
    let i = first0;
    let j = first1;
    let g = 0;
    while (i <= last0 || j <= last1) {
      const next = group[g];
      if (!next || i < next.line0) {
        this.out(' ');
        this.line('', fa, i++);
        j++;
      } else {
        for (let k = 0; k < next.deleted; k++) {
          this.out('-');
          this.line('', fa, i++);
        }
        for (let k = 0; k < next.inserted; k++) {
          this.out('+');
          this.line('', fb, j++);
        }
        g++;
      }
    }
  }

  private contextHunk(group: Change[], fa: FileData, fb: FileData): void {
    const [first0, last0, first1, last1] = this.bounds(group, fa, fb);
    const old = group.some((c) => c.deleted > 0);
    const neu = group.some((c) => c.inserted > 0);
    this.out(`***************\n*** ${contextRange(first0, last0)} ****\n`);
    if (old) {
      let g = 0;
      for (let i = first0; i <= last0; i++) {
        while (group[g] && group[g]!.line0 + group[g]!.deleted <= i) g++;
        const c = group[g];
        this.line(c && c.line0 <= i ? (c.inserted > 0 ? '!' : '-') : ' ', fa, i);
      }
    }
    this.out(`--- ${contextRange(first1, last1)} ----\n`);
    if (neu) {
      let g = 0;
      for (let i = first1; i <= last1; i++) {
        while (group[g] && group[g]!.line1 + group[g]!.inserted <= i) g++;
        const c = group[g];
        this.line(c && c.line1 <= i ? (c.deleted > 0 ? '!' : '+') : ' ', fb, i);
      }
    }
  }
}

/** A normal-format range: "N" or "N,M"; an empty range names the line before it. */
function range(a: number, b: number): string {
  const ta = a + 1;
  const tb = b + 1;
  return tb > ta ? `${ta},${tb}` : `${tb}`;
}

function unifiedRange(a: number, b: number): string {
  const ta = a + 1;
  const tb = b + 1;
  if (tb <= ta) return tb < ta ? `${tb},0` : `${tb}`;
  return `${ta},${tb - ta + 1}`;
}

function contextRange(a: number, b: number): string {
  const ta = a + 1;
  const tb = b + 1;
  return tb <= ta ? `${tb}` : `${ta},${tb}`;
}

/** -B: a change whose lines are all empty (or all white space, with -b or -w). */
function blankOnly(c: Change, fa: FileData, fb: FileData, o: Options): boolean {
  const blank = (s: string): boolean => (o.space === 'none' ? s === '' : /^[ \t\n\v\f\r]*$/.test(s));
  for (let i = 0; i < c.deleted; i++) if (!blank(fa.lines[c.line0 + i]!)) return false;
  for (let i = 0; i < c.inserted; i++) if (!blank(fb.lines[c.line1 + i]!)) return false;
  return true;
}

function keyFunction(o: Options): (line: string) => string {
  const ws = /[ \t\n\v\f\r]+/g;
  return (line) => {
    let s = line;
    if (o.space === 'all') s = s.replace(ws, '');
    else if (o.space === 'change') s = s.replace(/[ \t\n\v\f\r]+$/, '').replace(ws, ' ');
    if (o.icase) s = o.utf8 ? s.toLowerCase() : s.replace(/[A-Z]+/g, (x) => x.toLowerCase());
    return s;
  };
}

function splitLines(f: FileData, utf8: boolean): void {
  const text = bytesToText(f.bytes, utf8);
  if (text === '') {
    f.lines = [];
    return;
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else f.missingNewline = true;
  f.lines = lines;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isDir(st: Stat): boolean {
  return (st.mode & S_IFMT) === S_IFDIR;
}

/** gnulib's file_type words. */
function fileType(st: Stat): string {
  switch (st.mode & S_IFMT) {
    case S_IFREG: return st.size === 0 ? 'regular empty file' : 'regular file';
    case S_IFDIR: return 'directory';
    case S_IFLNK: return 'symbolic link';
    case S_IFIFO: return 'fifo';
    case S_IFCHR: return 'character special file';
    case S_IFBLK: return 'block special file';
    case S_IFSOCK: return 'socket';
  }
  return 'weird file';
}

function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

function baseName(p: string): string {
  const t = p.replace(/\/+$/, '');
  return t.slice(t.lastIndexOf('/') + 1) || t;
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i > 0 ? p.slice(0, i) : i === 0 ? '/' : '.';
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function contextArg(v: string | undefined, dflt: number): number | null {
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v)) return null;
  return Number(v);
}

export default async function diff(sys: Sys): Promise<number> {
  const argv = sys.argv.slice(1);
  const usage = async (message: string): Promise<number> => {
    await sys.writeAll(2, `diff: ${message}\ndiff: Try 'diff --help' for more information.\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs(meta, argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return usage(e.text.replace(/^diff: /, ''));
  }
  // diff's usage() checks its own writes ("write failed"); --version fails at close_stdout.
  const first = isBusybox(sys) ? undefined : parsed.last('--help', '--version');
  if (first) {
    try {
      await sys.writeAll(1, first === '--help' ? helpText(meta) : versionText(meta));
    } catch (e) {
      if (!isSysError(e)) throw e;
      await sys.writeAll(2, first === '--help' ? 'diff: write failed\n' : `diff: standard output: ${strerror(e.code)}\n`).catch(() => undefined);
      return 2;
    }
    return 0;
  }
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    tool.wordWriteError({ midRun: (err) => `diff: standard output: ${err}\n`, atExit: (err) => `diff: standard output: ${err}\n` });
    let style: Style = 'normal';
    let context = 3;
    for (const opt of a.options) {
      if (opt.key === 'c' || opt.key === 'u') style = opt.key === 'c' ? 'context' : 'unified';
      else if (opt.key === 'context' || opt.key === 'unified') {
        const n = contextArg(opt.value, 3);
        if (n === null) return usage(`invalid context length '${opt.value}'`);
        style = opt.key === 'context' ? 'context' : 'unified';
        context = n;
      } else if (opt.key === 'normal') style = 'normal';
    }
    const ops = a.operands;
    if (ops.length < 2) return usage(ops.length === 0 ? "missing operand after 'diff'" : `missing operand after '${ops[ops.length - 1]}'`);
    if (ops.length > 2) return usage(`extra operand '${ops[2]}'`);
    // The "diff SWITCHES A B" line repeats the options as they were written.
    const optionWords: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const w = argv[i]!;
      if (w === '--') break;
      if (!w.startsWith('-') || w === '-') continue;
      optionWords.push(w);
      if (/^-[a-zA-Z]*[CU]$/.test(w) || w === '--label') optionWords.push(argv[++i] ?? '');
    }
    const utf8 = localeIsUtf8((n) => sys.getenv(n));
    const o: Options = {
      style, context, brief: a.has('brief'), reportIdentical: a.has('report-identical-files'), recursive: a.has('recursive'),
      newFile: a.has('new-file'), icase: a.has('ignore-case'),
      space: a.has('ignore-all-space') ? 'all' : a.has('ignore-space-change') ? 'change' : 'none',
      blankLines: a.has('ignore-blank-lines'), text: a.has('text'), minimal: a.has('minimal'), labels: a.values('label'),
      switches: optionWords.map((w) => ` ${w}`).join(''), utf8, tz: timeZone(sys.getenv('TZ')),
    };
    const d = new Diff(tool, o);
    let status: number;
    try {
      status = await d.top(ops[0]!, ops[1]!);
      await d.flush(true);
    } catch (e) {
      // busybox's diff never checks its output; there was output only because the files differ.
      if (!tool.busybox || !outputFailure(e)) throw e;
      return 1;
    }
    return d.trouble ? 2 : status;
  });
}
