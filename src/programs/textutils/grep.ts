// grep (GNU grep 3.8), also run as egrep (grep -E) and fgrep (grep -F) as this machine's
// wrapper scripts do: print the lines of files that match patterns (BRE, ERE or fixed strings),
// or count them, or name the files; with context lines, colours, recursion through directories
// and GNU's binary-file rule. The search itself is grep-scan.ts; this file reads the command
// line, the patterns and the files. Exit status: 0 a line was selected, 1 none, 2 trouble.

import { isSysError, strerror, isOutputFailure } from '../../abi/errno.ts';
import { O_DIRECTORY, O_RDONLY } from '../../abi/open-flags.ts';
import { S_IFMT, S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFREG, S_IFSOCK, type Stat } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import { argmatch } from '../lib/argmatch.ts';
import { helpText } from '../lib/help.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import {
  argToText, bytesToText, joinTranslations, Matcher, RegexError, textToBytes, translateFixed,
  translateRegex, type RegexOptions, type Translation,
} from '../lib/regex.ts';
import { parseArgs, UsageError } from '../lib/options.ts';
import { runTool, tryHelp, type Tool } from '../lib/tool.ts';
import { FileScan, type Colors, type ScanConfig, type Sink } from './grep-scan.ts';
import { fnmatch } from '../lib/fnmatch.ts';

export const meta: ProgramMeta = {
  name: 'grep', package: 'GNU grep', version: '3.8',
  usage: ['[OPTION]... PATTERNS [FILE]...'],
  summary: 'Print the lines of each FILE that match PATTERNS (one pattern a line).\nExample: grep -i \'hello world\' menu.h main.c',
  usageStatus: 2,
  // grep's write_error: "grep: write error: strerror", status 2, at the first failed write.
  exitFailure: 2,
  options: [
    { short: 'E', long: 'extended-regexp', help: 'PATTERNS are extended regular expressions' },
    { short: 'F', long: 'fixed-strings', help: 'PATTERNS are plain strings' },
    { short: 'G', long: 'basic-regexp', help: 'PATTERNS are basic regular expressions (the default)' },
    { short: 'e', long: 'regexp', arg: 'required', argName: 'PATTERNS', help: 'search for PATTERNS (may be given more than once)' },
    { short: 'f', long: 'file', arg: 'required', argName: 'FILE', help: 'read PATTERNS from FILE, one a line' },
    { short: 'i', long: 'ignore-case', help: 'let upper and lower case match each other' },
    { short: 'y', key: 'ignore-case', help: '' },
    { long: 'no-ignore-case', help: 'keep upper and lower case apart (the default)' },
    { short: 'w', long: 'word-regexp', help: 'match whole words only' },
    { short: 'x', long: 'line-regexp', help: 'match whole lines only' },
    { short: 'z', long: 'null-data', help: 'lines end with a zero byte, not a newline' },
    { short: 's', long: 'no-messages', help: 'say nothing about missing or unreadable files' },
    { short: 'v', long: 'invert-match', help: 'select the lines that do not match' },
    { short: 'V', key: '--version', help: '' },
    { short: 'm', long: 'max-count', arg: 'required', argName: 'NUM', help: 'stop after NUM selected lines' },
    { short: 'b', long: 'byte-offset', help: 'put the byte offset before each output line' },
    { short: 'n', long: 'line-number', help: 'put the line number before each output line' },
    { long: 'line-buffered', help: 'write each line out as soon as it is found' },
    { short: 'H', long: 'with-filename', help: 'put the file name before each output line' },
    { short: 'h', long: 'no-filename', help: 'never put file names before output lines' },
    { long: 'label', arg: 'required', argName: 'LABEL', help: 'call standard input LABEL in output' },
    { short: 'o', long: 'only-matching', help: 'print only the matching parts of lines, one a line' },
    { short: 'q', long: 'quiet', help: 'print nothing; the exit status tells whether a line matched' },
    { long: 'silent', key: 'quiet', help: '' },
    { long: 'binary-files', arg: 'required', argName: 'TYPE', help: "how to treat binary files: 'binary', 'text'\nor 'without-match'" },
    { short: 'a', long: 'text', help: 'search binary files as if they were text' },
    { short: 'I', help: 'skip binary files (--binary-files=without-match)' },
    { short: 'd', long: 'directories', arg: 'required', argName: 'ACTION', help: "what to do with a directory: 'read', 'recurse'\nor 'skip'" },
    { short: 'D', long: 'devices', arg: 'required', argName: 'ACTION', help: "what to do with devices, FIFOs and sockets:\n'read' or 'skip'" },
    { short: 'r', long: 'recursive', help: 'search directories and everything under them' },
    { short: 'R', long: 'dereference-recursive', help: 'the same, following every symbolic link' },
    { long: 'include', arg: 'required', argName: 'GLOB', help: 'search only files whose name matches GLOB' },
    { long: 'exclude', arg: 'required', argName: 'GLOB', help: 'skip files whose name matches GLOB' },
    { long: 'exclude-from', arg: 'required', argName: 'FILE', help: 'skip files matching any GLOB listed in FILE' },
    { long: 'exclude-dir', arg: 'required', argName: 'GLOB', help: 'skip directories whose name matches GLOB' },
    { short: 'L', long: 'files-without-match', help: 'print only the names of files with no selected line' },
    { short: 'l', long: 'files-with-matches', help: 'print only the names of files with a selected line' },
    { short: 'c', long: 'count', help: 'print only how many lines each file has selected' },
    { short: 'T', long: 'initial-tab', help: 'put a tab before each line, after its prefixes' },
    { short: 'Z', long: 'null', help: 'end file names with a zero byte' },
    { short: 'B', long: 'before-context', arg: 'required', argName: 'NUM', help: 'also print NUM lines before each selected line' },
    { short: 'A', long: 'after-context', arg: 'required', argName: 'NUM', help: 'also print NUM lines after each selected line' },
    { short: 'C', long: 'context', arg: 'required', argName: 'NUM', help: 'also print NUM lines around each selected line\n(-NUM is the same)' },
    { long: 'group-separator', arg: 'required', argName: 'SEP', help: "print SEP between groups of lines (default '--')" },
    { long: 'no-group-separator', help: 'print nothing between groups of lines' },
    { long: 'color', arg: 'optional', argName: 'WHEN', help: "colour matches, names and numbers: 'always',\n'never' or 'auto'" },
    { long: 'colour', key: 'color', arg: 'optional', argName: 'WHEN', help: '' },
    { short: 'U', long: 'binary', help: 'accepted and ignored (there is no text mode to leave)' },
    ...'0123456789'.split('').map((d) => ({ short: d, key: 'digit', help: '' })),
  ],
  epilog: "FILE - is standard input. With no FILE, search '.' when recursive, else standard input.\n" +
    'File names are printed when there is more than one FILE.\n' +
    'Exit status: 0 when a line was selected, 1 when none was, 2 on trouble (unless -q found one).',
};

const READ_SIZE = 262144;

interface Config {
  scan: ScanConfig;
  utf8: boolean;
  count: boolean;
  list: 'l' | 'L' | null;
  quiet: boolean;
  noMessages: boolean;
  withFilename: boolean | null; // null: only for files found under a directory given
  nullAfterName: boolean;
  binaryFiles: 'binary' | 'text' | 'without-match';
  directories: 'read' | 'skip' | 'recurse';
  devices: 'read' | 'skip' | null; // null: read those named, skip those found recursing
  dereference: boolean;
  filters: { kind: 'include' | 'exclude'; glob: string }[];
  excludeDirs: string[];
  label: string;
  lineBuffered: boolean;
  output: Stat | null;
}

class Grep {
  anySelected = false;
  trouble = false;
  private pending: string[] = [];
  private pendingSize = 0;
  readonly sink: Sink;

  constructor(readonly tool: Tool, readonly cfg: Config) {
    const self = this;
    this.sink = {
      printedGroup: false,
      write(text: string) {
        self.pending.push(text);
        self.pendingSize += text.length;
      },
    };
  }

  get sys(): Sys {
    return this.tool.sys;
  }

  async flushIfFull(force = false): Promise<void> {
    if (this.pendingSize >= 65536 || (force && this.pendingSize > 0)) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pendingSize === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingSize = 0;
    await this.sys.writeAll(1, textToBytes(text, this.cfg.utf8));
  }

  /** A message on standard error after what was printed so far. */
  async warn(message: string, status = 2): Promise<void> {
    await this.flush();
    if (status === 2) this.trouble = true;
    await this.sys.writeAll(2, `grep: ${message}\n`);
  }

  async fileError(name: string, e: unknown): Promise<void> {
    if (!isSysError(e)) throw e;
    this.trouble = true;
    if (!this.cfg.noMessages) await this.warn(`${name}: ${strerror(e.code)}`);
  }

  private nameText(name: string): string {
    return argToText(name, this.cfg.utf8);
  }

  /** Search one operand (a command-line name or "-"). */
  async operand(name: string, recursiveDefault: boolean): Promise<boolean> {
    const { cfg, sys } = this;
    if (name === '-') return this.searchFd(0, cfg.label, false);
    let st: Stat;
    try {
      st = await sys.stat(name);
    } catch (e) {
      await this.fileError(name, e);
      return false;
    }
    const type = st.mode & S_IFMT;
    if (type === S_IFDIR) {
      if (cfg.directories === 'skip') return false;
      if (cfg.directories === 'recurse') {
        if (!recursiveDefault && cfg.excludeDirs.some((g) => suffixMatch(g, name))) return false;
        const root = recursiveDefault ? '' : name.replace(/\/+$/, '') || '/';
        return this.directory(root, root === '' ? '.' : name);
      }
    } else if (isDevice(type) && cfg.devices === 'skip') return false;
    if (!recursiveDefault && this.excludedOperand(name)) return false;
    return this.file(name, name, false);
  }

  /** Walk a directory; `path` is the prefix names get ('' for grep -r with no operand). */
  private async directory(path: string, open: string): Promise<boolean> {
    const { sys, cfg } = this;
    let entries: string[];
    try {
      const fd = await sys.open(open, O_RDONLY | O_DIRECTORY);
      try {
        entries = (await sys.getdents(fd)).map((d) => d.name).filter((n) => n !== '.' && n !== '..');
      } finally {
        await sys.close(fd);
      }
    } catch (e) {
      await this.fileError(path || '.', e);
      return false;
    }
    for (const entry of entries) {
      const child = path === '' ? entry : path === '/' ? `/${entry}` : `${path}/${entry}`;
      const childOpen = path === '' ? entry : child;
      let st: Stat;
      try {
        st = cfg.dereference ? await sys.stat(childOpen) : await sys.lstat(childOpen);
      } catch (e) {
        await this.fileError(child, e);
        continue;
      }
      const type = st.mode & S_IFMT;
      if (type === S_IFLNK) continue; // -r follows only the links it was given
      if (type === S_IFDIR) {
        if (cfg.excludeDirs.some((g) => fnmatch(g, entry))) continue;
        if (await this.directory(child, childOpen)) return true;
        continue;
      }
      if (isDevice(type) && cfg.devices !== 'read') continue;
      if (this.excluded(entry)) continue;
      if (await this.file(child, childOpen, true)) return true;
    }
    return false;
  }

  /** --include/--exclude for a base name: the last matching one wins; none matching includes unless the first is --include. */
  private excluded(base: string): boolean {
    const { filters } = this.cfg;
    if (filters.length === 0) return false;
    for (let i = filters.length - 1; i >= 0; i--) if (fnmatch(filters[i]!.glob, base)) return filters[i]!.kind === 'exclude';
    return filters[0]!.kind === 'include';
  }

  private excludedOperand(name: string): boolean {
    const { filters } = this.cfg;
    if (filters.length === 0) return false;
    for (let i = filters.length - 1; i >= 0; i--) if (suffixMatch(filters[i]!.glob, name)) return filters[i]!.kind === 'exclude';
    return filters[0]!.kind === 'include';
  }

  /** Open and search one file; true when grep -q may stop. */
  private async file(display: string, path: string, found: boolean): Promise<boolean> {
    let fd: number;
    try {
      fd = await this.sys.open(path, O_RDONLY);
    } catch (e) {
      await this.fileError(display, e);
      return false;
    }
    try {
      return await this.searchFd(fd, display, found);
    } finally {
      await this.sys.close(fd);
    }
  }

  /** Search an open descriptor; true when grep -q may stop. */
  async searchFd(fd: number, display: string, found: boolean): Promise<boolean> {
    const { cfg, sys } = this;
    let st: Stat | null = null;
    try {
      st = await sys.fstat(fd);
    } catch {
      st = null;
    }
    if (st && cfg.output && (st.mode & S_IFMT) === S_IFREG && st.dev === cfg.output.dev && st.ino === cfg.output.ino &&
      cfg.scan.mode === 'lines' && cfg.scan.maxCount > 1) {
      if (!cfg.noMessages) await this.warn(`${display}: input file is also the output`);
      this.trouble = true;
      return false;
    }
    const showName = cfg.withFilename ?? found;
    const nameText = this.nameText(display);
    const width = st && (st.mode & S_IFMT) === S_IFREG ? String(st.size).length : 19;
    const scan = new FileScan(cfg.scan, this.sink, showName ? nameText : null, width);
    let readError: unknown = null;
    try {
      await this.readLines(fd, scan);
    } catch (e) {
      // A failed write of the matches is no read error: it ends the run (the frame reports it).
      if (!isSysError(e) || isOutputFailure(e)) throw e;
      readError = e;
    }
    // busybox's grep takes a read that fails for the end of the file, saying nothing.
    if (readError && !this.tool.busybox) await this.fileError(display, readError);
    if (scan.binaryMatched) {
      await this.flush();
      await sys.writeAll(2, `grep: ${display}: binary file matches\n`);
    }
    if (scan.selected > 0) this.anySelected = true;
    const nameEnd = cfg.nullAfterName ? '\0' : '\n';
    if (cfg.count) {
      const head = showName ? (cfg.scan.color?.fn ? colorName(cfg.scan.color, nameText) : nameText) + (cfg.nullAfterName ? '\0' : colorSep(cfg.scan.color, ':')) : '';
      this.sink.write(`${head}${scan.selected}\n`);
    }
    if (cfg.list === 'l' && scan.selected > 0) this.sink.write((cfg.scan.color?.fn ? colorName(cfg.scan.color, nameText) : nameText) + nameEnd);
    if (cfg.list === 'L' && scan.selected === 0) this.sink.write((cfg.scan.color?.fn ? colorName(cfg.scan.color, nameText) : nameText) + nameEnd);
    if (cfg.lineBuffered) await this.flush();
    else await this.flushIfFull();
    return cfg.quiet && scan.selected > 0;
  }

  private async readLines(fd: number, scan: FileScan): Promise<void> {
    const { cfg, sys } = this;
    const eol = cfg.scan.eol;
    const eolByte = eol.charCodeAt(0);
    const before = cfg.scan.before;
    let carry: Uint8Array = new Uint8Array(0);
    let tail = '';
    let tailLines = 0;
    let tailBytes = 0;
    let line = 1;
    let offset = 0;
    const flushEach = cfg.lineBuffered || (await sys.isatty(1));
    for (;;) {
      const chunk = await sys.read(fd, READ_SIZE);
      const eof = chunk.length === 0;
      let bytes: Uint8Array;
      if (carry.length === 0) bytes = chunk;
      else {
        bytes = new Uint8Array(carry.length + chunk.length);
        bytes.set(carry);
        bytes.set(chunk, carry.length);
      }
      let cut = eof ? bytes.length : bytes.lastIndexOf(eolByte) + 1;
      if (cut === 0 && !eof) {
        carry = bytes;
        continue;
      }
      const complete = bytes.subarray(0, cut);
      carry = bytes.slice(cut);
      cut = complete.length;
      if (cut > 0) {
        if (!scan.binary && cfg.binaryFiles !== 'text' && eol === '\n' && complete.indexOf(0) >= 0) {
          if (cfg.binaryFiles === 'without-match') return;
          scan.binary = true;
        }
        let text = bytesToText(complete, cfg.utf8);
        if (complete[complete.length - 1] !== eolByte) text += eol;
        scan.scan(tail + text, tail.length, line - tailLines, offset - tailBytes);
        // Line numbers are only needed for -n and for placing before-context.
        if (cfg.scan.lineNumbers || before > 0) line += countOf(text, eol);
        offset += complete.length;
        if (before > 0) [tail, tailLines, tailBytes] = lastLines(tail + text, eol, before, cfg.utf8);
        if (flushEach) await this.flush();
        else await this.flushIfFull();
      }
      if (eof || scan.finished) return;
    }
  }
}

function countOf(text: string, c: string): number {
  let n = 0;
  for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) n++;
  return n;
}

/** The last n lines of text (which ends with eol), their count and byte length. */
function lastLines(text: string, eol: string, n: number, utf8: boolean): [string, number, number] {
  let p = text.length - 1;
  let k = 0;
  while (k < n && p > 0) {
    const q = text.lastIndexOf(eol, p - 1);
    k++;
    p = q;
    if (q < 0) break;
  }
  const start = p < 0 ? 0 : p + 1;
  const t = text.slice(start);
  return [t, k, utf8 ? textToBytes(t, true).length : t.length];
}

function isDevice(type: number): boolean {
  return type === S_IFCHR || type === S_IFBLK || type === S_IFIFO || type === S_IFSOCK;
}

function colorName(c: Colors, name: string): string {
  const k = c.el ? '\x1b[K' : '';
  return `\x1b[${c.fn}m${k}${name}\x1b[m${k}`;
}

function colorSep(c: Colors | null, sep: string): string {
  if (!c || !c.se) return sep;
  const k = c.el ? '\x1b[K' : '';
  return `\x1b[${c.se}m${k}${sep}\x1b[m${k}`;
}

/** --exclude on a command-line name: the whole name or any part after a slash. */
function suffixMatch(glob: string, name: string): boolean {
  if (fnmatch(glob, name)) return true;
  for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
    if (i + 1 < name.length && name[i + 1] !== '/' && fnmatch(glob, name.slice(i + 1))) return true;
  }
  return false;
}

function parseColors(env: string | undefined): Colors {
  const c: Colors = { ms: '01;31', mc: '01;31', fn: '35', ln: '32', bn: '32', se: '36', sl: '', cx: '', rv: false, el: true };
  for (const item of (env ?? '').split(':')) {
    const [key, value] = item.split('=', 2) as [string, string | undefined];
    if (key === 'ne') c.el = false;
    else if (key === 'rv') c.rv = true;
    else if (key === 'mt' && value !== undefined) c.ms = c.mc = value;
    else if (value !== undefined && (key === 'ms' || key === 'mc' || key === 'fn' || key === 'ln' || key === 'bn' || key === 'se' || key === 'sl' || key === 'cx')) c[key] = value;
  }
  return c;
}

/** -NUM context: consecutive digit options make one number. */
function digitContext(tool: Tool): string | undefined {
  let digits = '';
  let last: string | undefined;
  for (const o of tool.args.options) {
    if (o.key === 'digit') digits += o.spelled.slice(1);
    else if (digits) {
      last = digits;
      digits = '';
    }
  }
  return digits || last;
}

function contextArg(v: string): number | null {
  if (!/^\d+$/.test(v)) return null;
  const n = Number(v);
  return n > Number.MAX_SAFE_INTEGER ? Number.MAX_SAFE_INTEGER : n;
}

async function readPatternFile(sys: Sys, name: string, utf8: boolean): Promise<string> {
  if (name === '-') return bytesToText(await sys.readAll(0), utf8);
  const fd = await sys.open(name, O_RDONLY);
  try {
    return bytesToText(await sys.readAll(fd), utf8);
  } finally {
    await sys.close(fd);
  }
}

const USAGE = 'Usage: grep [OPTION]... PATTERNS [FILE]...';

export default async function grep(sys: Sys): Promise<number> {
  const called = (sys.argv[0] ?? 'grep').replace(/.*\//, '');
  // getopt's complaint comes with the usage line before GNU's "Try" line.
  try {
    parseArgs(meta, sys.argv.slice(1));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    await sys.writeAll(2, `${e.text}\n${USAGE}\n${tryHelp(meta)}`);
    return 2;
  }
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    const utf8 = localeIsUtf8((n) => sys.getenv(n));
    const die = async (message: string): Promise<number> => {
      await tool.out.flush();
      await sys.writeAll(2, `grep: ${message}\n`);
      return 2;
    };

    // Matcher choice: -E, -F or -G (egrep and fgrep are grep -E and grep -F); two different ones conflict.
    const implied = called === 'egrep' ? 'extended-regexp' : called === 'fgrep' ? 'fixed-strings' : undefined;
    const chosen = new Set(a.options.map((o) => o.key).filter((k) => k === 'extended-regexp' || k === 'fixed-strings' || k === 'basic-regexp'));
    if (implied) chosen.add(implied);
    if (chosen.size > 1) return die('conflicting matchers specified');
    const kind = [...chosen][0] ?? 'basic-regexp';

    // Colour: an unknown WHEN prints the whole help and succeeds, as GNU grep does.
    let color: Colors | null = null;
    if (a.has('color')) {
      const when = a.value('color') ?? 'auto';
      if (['always', 'yes', 'force'].includes(when)) color = parseColors(sys.getenv('GREP_COLORS'));
      else if (['auto', 'tty', 'if-tty'].includes(when)) {
        const term = sys.getenv('TERM');
        if ((await sys.isatty(1)) && term && term !== 'dumb') color = parseColors(sys.getenv('GREP_COLORS'));
      } else if (!['never', 'no', 'none'].includes(when)) {
        await sys.writeAll(1, helpText(meta));
        return 0;
      }
    }

    let before = -1;
    let after = -1;
    for (const o of a.options) {
      if (o.key === 'before-context' || o.key === 'after-context' || o.key === 'context') {
        const n = contextArg(o.value!);
        if (n === null) return die(`${o.value}: invalid context length argument`);
        if (o.key !== 'after-context') before = n;
        if (o.key !== 'before-context') after = n;
      }
    }
    const digits = digitContext(tool);
    if (digits !== undefined) {
      const n = Number(digits);
      if (before < 0) before = n;
      if (after < 0) after = n;
    }
    let maxCount = Infinity;
    if (a.has('max-count')) {
      const v = a.value('max-count')!;
      if (!/^-?\d+$/.test(v.trim())) return die('invalid max count');
      const n = Number(v);
      maxCount = n < 0 ? Infinity : n;
    }
    let binaryFiles: Config['binaryFiles'] = 'binary';
    for (const o of a.options) {
      if (o.key === 'text') binaryFiles = 'text';
      else if (o.key === 'I') binaryFiles = 'without-match';
      else if (o.key === 'binary-files') {
        if (o.value === 'binary' || o.value === 'text' || o.value === 'without-match') binaryFiles = o.value;
        else return die('unknown binary-files type');
      }
    }
    let directories: Config['directories'] = 'read';
    let dereference = false;
    for (const o of a.options) {
      if (o.key === 'recursive') directories = 'recurse';
      else if (o.key === 'dereference-recursive') {
        directories = 'recurse';
        dereference = true;
      } else if (o.key === 'directories') {
        const r = argmatch('grep', '--directories', o.value!, [['read', 'read'], ['recurse', 'recurse'], ['skip', 'skip']] as [string, Config['directories']][]);
        if ('error' in r) {
          // gnulib's argmatch_die is usage(EXIT_FAILURE): status 1, not grep's 2.
          await tool.usage(`${r.error}\n${USAGE}`);
          return 1;
        }
        directories = r.value;
      }
    }
    let devices: Config['devices'] = null;
    if (a.has('devices')) {
      const v = a.value('devices');
      if (v !== 'read' && v !== 'skip') return die('unknown devices method');
      devices = v;
    }

    // Patterns: -e and -f in order, else the first operand.
    const operands = [...a.operands];
    const sources: string[] = [];
    if (a.has('regexp') || a.has('file')) {
      for (const o of a.options) {
        if (o.key === 'regexp') sources.push(argToText(o.value!, utf8));
        else if (o.key === 'file') {
          try {
            const text = await readPatternFile(sys, o.value!, utf8);
            if (text !== '') sources.push(text.endsWith('\n') ? text.slice(0, -1) : text);
          } catch (e) {
            if (!isSysError(e)) throw e;
            return die(`${o.value}: ${strerror(e.code)}`);
          }
        }
      }
    } else {
      if (operands.length === 0) return tool.usage(USAGE);
      sources.push(argToText(operands.shift()!, utf8));
    }
    const patterns = sources.flatMap((s) => s.split('\n'));

    const nullData = a.has('null-data');
    const eol = nullData ? '\0' : '\n';
    const icase = a.last('ignore-case', 'no-ignore-case') === 'ignore-case';
    const ropts: RegexOptions = { syntax: kind === 'extended-regexp' ? 'extended' : 'basic', dialect: 'grep', icase, lineEnd: eol, utf8 };
    let matcher: Matcher | null = null;
    if (patterns.length > 0) {
      const parts: Translation[] = [];
      let groups = 0;
      try {
        for (const p of patterns) {
          const t = kind === 'fixed-strings' ? translateFixed(p, ropts) : translateRegex(p, ropts, groups);
          groups += t.groups;
          parts.push(t);
        }
      } catch (e) {
        if (!(e instanceof RegexError)) throw e;
        return die(e.message);
      }
      for (const t of parts) for (const w of t.warnings) await sys.writeAll(2, `grep: warning: ${w}\n`);
      let joined = joinTranslations(parts, ropts);
      const lineEndClass = nullData ? '\\x00' : '\\x0a';
      if (a.has('line-regexp')) {
        joined = joined.wrapped((src) => `(?<![^${lineEndClass}])(?:${src})(?![^${lineEndClass}])`);
      } else if (a.has('word-regexp')) {
        const w = utf8 ? '[\\p{L}\\p{N}_]' : '[0-9A-Za-z_]';
        joined = joined.wrapped((src) => `(?<!${w})(?:${src})(?!${w})`);
      }
      matcher = joined;
    }

    const list = a.last('files-with-matches', 'files-without-match');
    const quiet = a.has('quiet');
    const count = a.has('count');
    const mode: ScanConfig['mode'] = quiet || list ? 'exists' : count ? 'count' : 'lines';
    const filenameChoice = a.last('with-filename', 'no-filename');
    const recursive = directories === 'recurse';
    if (operands.length === 0) operands.push(recursive ? '.' : '-');
    const recursiveDefault = recursive && a.operands.length === (a.has('regexp') || a.has('file') ? 0 : 1);
    const withFilename = filenameChoice === 'with-filename' ? true : filenameChoice === 'no-filename' ? false : operands.length > 1 ? true : recursive ? null : false;

    let output: Stat | null = null;
    try {
      output = await sys.fstat(1);
    } catch {
      output = null;
    }
    const filters: Config['filters'] = [];
    const excludeDirs: string[] = [];
    for (const o of a.options) {
      if (o.key === 'include' || o.key === 'exclude') filters.push({ kind: o.key, glob: o.value! });
      else if (o.key === 'exclude-dir') excludeDirs.push(o.value!);
      else if (o.key === 'exclude-from') {
        try {
          const text = await readPatternFile(sys, o.value!, false);
          for (const g of text.split('\n')) if (g !== '') filters.push({ kind: 'exclude', glob: g });
        } catch (e) {
          if (!isSysError(e)) throw e;
          return die(`${o.value}: ${strerror(e.code)}`);
        }
      }
    }

    const cfg: Config = {
      scan: {
        matcher, invert: a.has('invert-match'), mode, only: a.has('only-matching'),
        lineNumbers: a.has('line-number'), byteOffsets: a.has('byte-offset'), initialTab: a.has('initial-tab'),
        before: Math.max(before, 0), after: Math.max(after, 0), context: before >= 0 || after >= 0,
        maxCount, eol, color, groupSeparator: a.has('no-group-separator') && a.last('no-group-separator', 'group-separator') === 'no-group-separator' ? null : (a.value('group-separator') ?? '--'),
        utf8, nullAfterName: a.has('null'), textBinary: binaryFiles === 'text',
      },
      utf8, count: count && !quiet && !list, list: quiet ? null : list === 'files-with-matches' ? 'l' : list === 'files-without-match' ? 'L' : null,
      quiet, noMessages: a.has('no-messages'), withFilename, nullAfterName: a.has('null'), binaryFiles, directories, devices,
      dereference, filters, excludeDirs, label: a.value('label') ?? '(standard input)', lineBuffered: a.has('line-buffered'),
      output: output && (output.mode & S_IFMT) === S_IFREG ? output : null,
    };
    if (cfg.scan.groupSeparator !== null) cfg.scan.groupSeparator = argToText(cfg.scan.groupSeparator, utf8);

    const g = new Grep(tool, cfg);
    // Nothing can be selected: GNU stops before reading anything (but -L still lists).
    if ((maxCount === 0 || (matcher === null && !cfg.scan.invert)) && cfg.list !== 'L') return 1;
    for (const name of operands) {
      if (await g.operand(name, recursiveDefault)) break;
    }
    await g.flush();
    if (quiet && g.anySelected) return 0;
    if (g.trouble) return 2;
    return g.anySelected ? 0 : 1;
  });
}
