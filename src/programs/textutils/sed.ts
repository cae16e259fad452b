// sed (GNU sed 4.9): a stream editor. The script is compiled by sed-script.ts; this file reads
// the command line and runs the script over the input one cycle per line, as GNU's execute.c
// does: addresses and ranges, the hold space, the append queue (a, r, R), auto-print, branches,
// s with leftmost-longest matches and GNU's empty-match rule, and -i editing through a
// temporary file (sed-io.ts). Exit status: 0, 1 bad script, 2 unreadable input, 4 I/O trouble,
// or q/Q's own.

import { isSysError, strerror } from '../../abi/errno.ts';
import { O_CREAT, O_RDONLY, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import type { Sys } from '../../sys/sys.ts';
import { helpText, versionText } from '../lib/help.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { parseArgs, UsageError } from '../lib/options.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import { argToText, bytesToText, type Matcher } from '../lib/regex.ts';
import { dialectUsageError, isBusybox, runTool } from '../lib/tool.ts';
import { Input, IoError, LineReader, textToName, Writer } from './sed-io.ts';
import { compileScript, SedError, type Addr, type Cmd, type ScriptPiece, type SedRegex, type Subst } from './sed-script.ts';

export const meta: ProgramMeta = {
  name: 'sed', package: 'GNU sed', version: '4.9',
  usage: ['[OPTION]... {script-only-if-no-other-script} [input-file]...'],
  summary: 'Edit a stream of text: run the script on each line of the input files (or standard input)\nand write the result to standard output.',
  options: [
    { short: 'n', long: 'quiet', help: 'print only what the script prints (no automatic printing)' },
    { long: 'silent', key: 'quiet', help: '' },
    { short: 'e', long: 'expression', arg: 'required', argName: 'script', help: 'add the commands in script' },
    { short: 'f', long: 'file', arg: 'required', argName: 'script-file', help: 'add the commands in script-file' },
    { long: 'follow-symlinks', help: 'with -i, edit the file a symbolic link points to' },
    { short: 'i', long: 'in-place', arg: 'optional', argName: 'SUFFIX', help: 'edit the files themselves (keeping a copy named\nwith SUFFIX if one is given)' },
    { short: 'l', long: 'line-length', arg: 'required', argName: 'N', help: "wrap the `l' command's output at N characters" },
    { long: 'posix', help: 'turn off the GNU extensions' },
    { short: 'E', long: 'regexp-extended', help: 'use extended regular expressions' },
    { short: 'r', key: 'regexp-extended', help: '' },
    { short: 's', long: 'separate', help: 'treat the files as separate, not one long stream' },
    { long: 'sandbox', help: 'refuse the e, r and w commands' },
    { short: 'u', long: 'unbuffered', help: 'write output as soon as it is made' },
    { short: 'z', long: 'null-data', help: 'lines end with a zero byte, not a newline' },
    { short: 'b', long: 'binary', help: '(accepted and ignored)' },
  ],
  epilog: 'With no -e or -f, the first operand is the script; the other operands are input files\n(standard input when there are none).',
};

class Panic extends Error {
  constructor(message: string, readonly status = 4) {
    super(message);
  }
}

interface RFile {
  reader: LineReader | null;
  fd: number;
}

class Sed {
  private ps = '';
  private chomped = true;
  private hold = '';
  private holdChomped = true;
  private replaced = false;
  private queue: ({ text: string } | { file: string })[] = [];
  private lastRegex: Matcher | null = null;
  /** Whether the current line is the last (kept only when the script has a `$` address). */
  private last = false;
  private readonly usesLast: boolean;
  input!: Input;
  wfiles = new Map<string, Writer>();
  rfiles = new Map<string, RFile>();

  constructor(private readonly sys: Sys, private readonly cmds: Cmd[], private readonly o: {
    quiet: boolean; utf8: boolean; delim: string; lineLen: number; posix: boolean; exprCount: number; scriptFile: string | null;
  }, readonly out: Writer, readonly stdout: Writer, private readonly stderr: Writer) {
    this.usesLast = cmds.some((c) => c.a1?.kind === 'last' || c.a2?.kind === 'last');
  }

  panic(message: string): never {
    throw new Panic(message);
  }

  /** Open the w files (truncated) and R files before the first line, as GNU does when compiling. */
  async openFiles(wnames: string[]): Promise<void> {
    for (const name of wnames) {
      if (this.wfiles.has(name)) continue;
      if (name === '/dev/stdout') this.wfiles.set(name, new Writer(this.sys, 1, this.o.utf8, this.o.delim).sharing(this.stdout));
      else if (name === '/dev/stderr') this.wfiles.set(name, this.stderr);
      else {
        try {
          const fd = await this.sys.open(textToName(name, this.o.utf8), O_WRONLY | O_CREAT | O_TRUNC, 0o666);
          // GNU flushes a w file after each line it writes to it.
          this.wfiles.set(name, new Writer(this.sys, fd, this.o.utf8, this.o.delim, true));
        } catch (e) {
          if (!isSysError(e)) throw e;
          this.panic(`couldn't open file ${name}: ${strerror(e.code)}`);
        }
      }
    }
    for (const cmd of this.cmds) {
      if (cmd.name !== 'R' || this.rfiles.has(cmd.fname!)) continue;
      const name = cmd.fname!;
      let fd = -1;
      if (name === '/dev/stdin') fd = 0;
      else {
        try {
          fd = await this.sys.open(textToName(name, this.o.utf8), O_RDONLY);
        } catch (e) {
          if (!isSysError(e)) throw e;
        }
      }
      const reader = fd >= 0 ? new LineReader(this.sys, fd, this.o.utf8, this.o.delim) : null;
      if (reader) reader.label = name;
      this.rfiles.set(name, { fd, reader });
    }
  }

  /** A new file with -s or -i: numbering, hold space and ranges start again. */
  resetForFile(): void {
    this.hold = '';
    this.holdChomped = true;
    for (const cmd of this.cmds) {
      cmd.rangeActive = !!cmd.a1 && cmd.a1.kind === 'num' && cmd.a1.n1 === 0;
      cmd.rangeClosed = false;
    }
    for (const [, r] of this.rfiles) {
      if (r.fd > 0) {
        void this.sys.lseek(r.fd, 0, 0);
        const label = r.reader?.label;
        r.reader = new LineReader(this.sys, r.fd, this.o.utf8, this.o.delim);
        if (label !== undefined) r.reader.label = label;
      }
    }
  }

  async run(): Promise<number> {
    let status = 0;
    while (await this.readPatternSpace(false)) {
      const st = await this.execute();
      if (st !== -1) {
        status = st;
        break;
      }
    }
    await this.input.closedown();
    // busybox sed fails a missing file with 1, GNU's with 2.
    if (this.input.badCount) status = isBusybox(this.sys) ? 1 : 2;
    return status;
  }

  private async readPatternSpace(append: boolean): Promise<boolean> {
    if (this.queue.length) await this.dumpAppend();
    this.replaced = false;
    const line = await this.input.read();
    if (!line) return false;
    if (append) this.ps += line.text;
    else this.ps = line.text;
    this.chomped = line.chomped;
    // `$` needs a look at what follows; only scripts that name it wait for that.
    if (this.usesLast) this.last = await this.input.isLast();
    return true;
  }

  private async dumpAppend(): Promise<void> {
    const out = this.out;
    out.fixNewline();
    for (const item of this.queue) {
      if ('text' in item) out.raw(item.text);
      else out.raw(await this.readWhole(item.file));
    }
    this.queue = [];
    await out.maybeFlush();
  }

  /** A file's whole contents for r (nothing if it cannot be read, as POSIX says). */
  private async readWhole(name: string): Promise<string> {
    const { sys } = this;
    try {
      if (name === '/dev/stdin') return bytesToText(await sys.readAll(0), this.o.utf8);
      const fd = await sys.open(textToName(name, this.o.utf8), O_RDONLY);
      try {
        return bytesToText(await sys.readAll(fd), this.o.utf8);
      } finally {
        await sys.close(fd);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      return '';
    }
  }

  private noPreviousRegex(): never {
    const where = this.o.scriptFile !== null ? `file ${this.o.scriptFile} line 0` : `-e expression #${this.o.exprCount}, char 0`;
    throw new Panic(`${where}: no previous regular expression`, 1);
  }

  private resolve(re: SedRegex): Matcher {
    if (re.matcher) {
      this.lastRegex = re.matcher;
      return re.matcher;
    }
    if (!this.lastRegex) this.noPreviousRegex();
    return this.lastRegex;
  }

  private matchOne(addr: Addr, cmd: Cmd): boolean {
    const line = this.input.lineNumber;
    switch (addr.kind) {
      case 'null': return true;
      case 'regex': return this.resolve(addr.regex!).test(this.ps);
      case 'mod': return line >= addr.n1 && (line - addr.n1) % addr.n2 === 0;
      case 'step': case 'stepmod': return cmd.rangeEnd <= line;
      case 'last': return this.last;
      case 'num': return addr.n1 === line;
    }
  }

  /** GNU's match_address_p, range states included. */
  private matchAddress(cmd: Cmd): boolean {
    const a1 = cmd.a1;
    if (!a1) return true;
    const a2 = cmd.a2;
    const line = this.input.lineNumber;
    if (!cmd.rangeActive) {
      if (!a2) return this.matchOne(a1, cmd);
      if (a1.kind === 'num') {
        if (cmd.rangeClosed || line < a1.n1) return false;
      } else if (!this.matchOne(a1, cmd)) return false;
      cmd.rangeActive = true;
      switch (a2.kind) {
        case 'regex':
          return true;
        case 'num':
          if (line >= a2.n1) {
            cmd.rangeActive = false;
            cmd.rangeClosed = true;
          }
          return line <= a2.n1 || this.matchOne(a1, cmd);
        case 'step':
          cmd.rangeEnd = line + a2.n1;
          return true;
        case 'stepmod':
          cmd.rangeEnd = line + a2.n1 - (line % a2.n1);
          return true;
        default:
          break;
      }
    }
    if (a2!.kind === 'num') {
      if (line >= a2!.n1) {
        cmd.rangeActive = false;
        cmd.rangeClosed = true;
      }
      return line <= a2!.n1;
    }
    if (this.matchOne(a2!, cmd)) {
      cmd.rangeActive = false;
      cmd.rangeClosed = true;
    }
    return true;
  }

  /** One cycle of the script; -1 to go on with the next line, else the exit status. */
  private async execute(): Promise<number> {
    const { cmds, o, out } = this;
    const delim = o.delim;
    let i = 0;
    while (i < cmds.length) {
      const cmd = cmds[i]!;
      const matched = this.matchAddress(cmd);
      if (cmd.name === '{') {
        i = matched === cmd.bang ? cmd.jump! : i + 1;
        continue;
      }
      if (matched === cmd.bang) {
        i++;
        continue;
      }
      switch (cmd.name) {
        case 'a':
          this.queue.push({ text: cmd.text! });
          break;
        case 'b':
          i = cmd.jump ?? cmds.length;
          continue;
        case '}': case ':':
          break;
        case 'c':
          if (!cmd.rangeActive) await out.line(cmd.text!.slice(0, -1), true);
          return -1;
        case 'd':
          return -1;
        case 'D': {
          const p = this.ps.indexOf(delim);
          if (p < 0) return -1;
          this.ps = this.ps.slice(p + 1);
          i = 0;
          continue;
        }
        case 'g':
          this.ps = this.hold;
          this.chomped = this.holdChomped;
          break;
        case 'G':
          this.ps += delim + this.hold;
          this.chomped = this.holdChomped;
          break;
        case 'h':
          this.hold = this.ps;
          this.holdChomped = this.chomped;
          break;
        case 'H':
          this.hold += delim + this.ps;
          this.holdChomped = this.chomped;
          break;
        case 'i':
          await out.line(cmd.text!.slice(0, -1), true);
          break;
        case 'l':
          await this.list(cmd.int === -1 ? o.lineLen : cmd.int!);
          break;
        case 'n':
          if (!o.quiet) await out.line(this.ps, this.chomped);
          if ((await this.input.isLast()) || !(await this.readPatternSpace(false))) return -1;
          break;
        case 'N':
          this.ps += delim;
          if ((await this.input.isLast()) || !(await this.readPatternSpace(true))) {
            this.ps = this.ps.slice(0, -1);
            if (!o.posix && !o.quiet) await out.line(this.ps, this.chomped);
            return -1;
          }
          break;
        case 'p':
          await out.line(this.ps, this.chomped);
          break;
        case 'P': {
          const p = this.ps.indexOf(delim);
          await out.line(p >= 0 ? this.ps.slice(0, p) : this.ps, p >= 0 ? true : this.chomped);
          break;
        }
        case 'q':
          if (!o.quiet) await out.line(this.ps, this.chomped);
          await this.dumpAppend();
          return cmd.int === -1 ? 0 : cmd.int!;
        case 'Q':
          return cmd.int === -1 ? 0 : cmd.int!;
        case 'r':
          if (cmd.prepend) {
            out.fixNewline();
            out.raw(await this.readWhole(cmd.fname!));
          } else this.queue.push({ file: cmd.fname! });
          break;
        case 'R': {
          const r = this.rfiles.get(cmd.fname!);
          if (r?.reader) {
            const got = await r.reader.next();
            if (got) this.queue.push({ text: got.text + (got.chomped ? delim : '') });
          }
          break;
        }
        case 's':
          await this.subst(cmd.subst!);
          break;
        case 't':
          if (this.replaced) {
            this.replaced = false;
            i = cmd.jump ?? cmds.length;
            continue;
          }
          break;
        case 'T':
          if (!this.replaced) {
            i = cmd.jump ?? cmds.length;
            continue;
          }
          this.replaced = false;
          break;
        case 'w':
          await this.wfiles.get(cmd.fname!)!.line(this.ps, this.chomped);
          break;
        case 'W': {
          const p = this.ps.indexOf(delim);
          await this.wfiles.get(cmd.fname!)!.line(p >= 0 ? this.ps.slice(0, p) : this.ps, p >= 0 ? true : this.chomped);
          break;
        }
        case 'x': {
          [this.ps, this.hold] = [this.hold, this.ps];
          [this.chomped, this.holdChomped] = [this.holdChomped, this.chomped];
          break;
        }
        case 'y': {
          const map = cmd.ymap!;
          let r = '';
          for (const c of this.ps) r += map.get(c) ?? c;
          this.ps = r;
          break;
        }
        case 'z':
          this.ps = '';
          break;
        case '=':
          await out.printf(`${this.input.lineNumber}${delim}`);
          break;
        case 'F':
          await out.text(`${argToText(this.input.name, o.utf8)}${delim}`);
          break;
      }
      i++;
    }
    if (!o.quiet) await out.line(this.ps, this.chomped);
    return -1;
  }

  /** The l command: escapes, octal bytes, lines wrapped before `width` characters. */
  private async list(width: number): Promise<void> {
    const { out, o } = this;
    let w = 0;
    // Each escaped byte is one of GNU's writes (so is each wrap, the "$" and the newline).
    out.fixNewline();
    const bytes = o.utf8 ? Array.from(new TextEncoderLite().encode(this.ps)) : Array.from(this.ps, (c) => c.charCodeAt(0));
    const named: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };
    for (const b of bytes) {
      const piece = b === 92 ? '\\\\' : b >= 32 && b < 127 ? String.fromCharCode(b) : named[b] ?? `\\${b.toString(8).padStart(3, '0')}`;
      if (w + piece.length >= width && width > 0) {
        out.raw(`\\${o.delim}`);
        w = 0;
      }
      out.raw(piece);
      w += piece.length;
    }
    out.raw('$');
    out.raw(o.delim);
    await out.maybeFlush();
  }

  private async subst(sub: Subst): Promise<void> {
    const m = this.resolve(sub.regex);
    const text = this.ps;
    let found = m.exec(text, 0);
    if (!found) return;
    let start = 0;
    let lastEnd = 0;
    let count = 0;
    let again = true;
    let acc = '';
    const numb = sub.nth;
    while (found) {
      const offset = found.index;
      let matched = found[0].length;
      if (start < offset) {
        acc += text.slice(start, offset);
        start = offset;
      }
      if ((matched > 0 || count === 0 || offset > lastEnd) && ++count >= numb) {
        this.replaced = true;
        acc += this.expand(sub, found);
        again = sub.global;
      } else {
        if (matched === 0) {
          if (start < text.length) matched = 1;
          else break;
        }
        acc += text.slice(offset, offset + matched);
      }
      start = offset + matched;
      lastEnd = found.index + found[0].length;
      if (!again || start > text.length) break;
      found = m.exec(text, start);
    }
    if (start < text.length) acc += text.slice(start);
    this.ps = acc;
    if (count < numb) return;
    if (sub.print) await this.out.line(this.ps, this.chomped);
    if (sub.outf !== null) await this.wfiles.get(sub.outf)!.line(this.ps, this.chomped);
  }

  /** The replacement for one match, with \L \U \l \u \E applied as GNU does. */
  private expand(sub: Subst, m: RegExpExecArray): string {
    let out = '';
    let mode: 'E' | 'L' | 'U' = 'E';
    let once: 'l' | 'u' | null = null;
    const utf8 = this.o.utf8;
    const conv = (s: string, how: 'L' | 'U'): string => (utf8 ? (how === 'U' ? s.toUpperCase() : s.toLowerCase()) : asciiCase(s, how));
    const put = (s: string): void => {
      if (s === '') return;
      if (once) {
        out += conv(s[0]!, once === 'u' ? 'U' : 'L');
        s = s.slice(1);
        once = null;
      }
      out += mode === 'E' ? s : conv(s, mode);
    };
    for (const item of sub.repl) {
      if (item.t === 'lit') put(item.s);
      else if (item.t === 'group') put(m[item.n] ?? '');
      else if (item.c === 'l' || item.c === 'u') once = item.c;
      else {
        mode = item.c;
        once = null;
      }
    }
    return out;
  }
}

/** Case conversion in the C locale: ASCII letters change; glibc turns every byte above 0x7f into 0xff. */
function asciiCase(s: string, how: 'L' | 'U'): string {
  const t = how === 'U' ? s.replace(/[a-z]+/g, (x) => x.toUpperCase()) : s.replace(/[A-Z]+/g, (x) => x.toLowerCase());
  return t.replace(/[\x80-\xfe]/g, '\xff');
}

/** UTF-8 bytes of a text-form string (lone surrogates stand for raw bytes). */
class TextEncoderLite {
  encode(s: string): Uint8Array {
    const out: number[] = [];
    for (const ch of s) {
      const c = ch.codePointAt(0)!;
      if (c >= 0xdc80 && c <= 0xdcff) out.push(c - 0xdc00);
      else if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return Uint8Array.from(out);
  }
}

async function readScriptFile(sys: Sys, name: string, utf8: boolean): Promise<string> {
  if (name === '-' || name === '/dev/stdin') return bytesToText(await sys.readAll(0), utf8);
  const fd = await sys.open(name, O_RDONLY);
  try {
    return bytesToText(await sys.readAll(fd), utf8);
  } finally {
    await sys.close(fd);
  }
}

export default async function sed(sys: Sys): Promise<number> {
  // A usage error shows the whole usage on standard error, as GNU sed does.
  let parsed;
  try {
    parsed = parseArgs(meta, sys.argv.slice(1));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const bb = await dialectUsageError(sys, 'sed', e.text);
    if (bb !== null) return bb;
    await sys.writeAll(2, `${e.text}\n${helpText(meta)}`);
    return 1;
  }
  // --help and --version go through stdio too: a failing output is "couldn't flush stdout", 4.
  const first = isBusybox(sys) ? undefined : parsed.last('--help', '--version');
  if (first) {
    try {
      await sys.writeAll(1, first === '--help' ? helpText(meta) : versionText(meta));
    } catch (e) {
      if (!isSysError(e)) throw e;
      await sys.writeAll(2, `sed: couldn't flush stdout: ${strerror(e.code)}\n`).catch(() => undefined);
      return 4;
    }
    return 0;
  }
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    const utf8 = localeIsUtf8((n) => sys.getenv(n));
    const fail = async (message: string, status: number): Promise<number> => {
      await tool.out.flush();
      await sys.writeAll(2, `sed: ${message}\n`).catch((e: unknown) => {
        if (!isSysError(e)) throw e; // no standard error either: the status says it
      });
      return status;
    };
    const pieces: ScriptPiece[] = [];
    const operands = [...a.operands];
    let scriptFile: string | null = null;
    for (const opt of a.options) {
      if (opt.key === 'expression') pieces.push({ text: argToText(opt.value!, utf8) });
      else if (opt.key === 'file') {
        try {
          pieces.push({ text: await readScriptFile(sys, opt.value!, utf8), file: opt.value! });
          scriptFile = opt.value!;
        } catch (e) {
          if (!isSysError(e)) throw e;
          return fail(`couldn't open file ${opt.value}: ${strerror(e.code)}`, 4);
        }
      }
    }
    if (pieces.length === 0) {
      if (operands.length === 0) {
        const bb = await dialectUsageError(sys, 'sed', null);
        if (bb !== null) return bb;
        await sys.writeAll(2, helpText(meta));
        return 1;
      }
      pieces.push({ text: argToText(operands.shift()!, utf8) });
    }
    const lineLen = a.has('line-length') ? parseInt(a.value('line-length')!, 10) || 0 : 70;
    const posix = a.has('posix');
    const nullData = a.has('null-data');
    const delim = nullData ? '\0' : '\n';
    let program;
    try {
      program = compileScript(pieces, { extended: a.has('regexp-extended'), utf8, sandbox: a.has('sandbox'), posix });
    } catch (e) {
      if (!(e instanceof SedError)) throw e;
      return fail(e.message, e.status);
    }
    const quiet = a.has('quiet') || program.quiet;
    const inPlace = a.has('in-place') ? { suffix: a.value('in-place') ?? '', followSymlinks: a.has('follow-symlinks') } : null;
    const unbuffered = a.has('unbuffered') || (await sys.isatty(1));
    const stdout = new Writer(sys, 1, utf8, delim, unbuffered);
    const stderr = new Writer(sys, 2, utf8, delim, true);
    const out = inPlace ? new Writer(sys, 1, utf8, delim) : stdout;
    const exprCount = pieces.filter((p) => p.file === undefined).length;
    const machine = new Sed(sys, program.cmds, { quiet, utf8, delim, lineLen, posix, exprCount, scriptFile: exprCount === 0 ? scriptFile : null }, out, stdout, stderr);
    const files = operands.length ? operands : inPlace ? [] : ['-'];
    const warn = async (msg: string): Promise<void> => {
      await sys.writeAll(2, `sed: ${msg}\n`);
    };
    machine.input = new Input(sys, files, utf8, delim, a.has('separate') || !!inPlace, inPlace, out, stdout, warn, (m) => machine.panic(m));
    machine.input.onNewFile = () => machine.resetForFile();
    machine.resetForFile();
    let status: number;
    const status0 = (): number => (machine.input.badCount ? 1 : 0);
    // busybox's sed dies "write error" (4) when a write fails as it runs, and says nothing of
    // what it could not flush at exit.
    const busyboxWriteError = async (e: IoError, st: number): Promise<number> => e.kind === 'write' ? fail('write error', 4) : st;
    try {
      if (inPlace && files.length === 0) machine.panic('no input files');
      await machine.openFiles(program.wfiles);
      status = await machine.run();
    } catch (e) {
      if (!(e instanceof Panic) && !(e instanceof IoError)) throw e;
      await machine.input.abandon();
      // What was buffered goes out at exit as stdio's would, a failure unreported.
      try {
        await stdout.flush();
        for (const [, w] of machine.wfiles) await w.flush();
      } catch (e2) {
        if (!(e2 instanceof IoError)) throw e2;
      }
      if (e instanceof IoError && tool.busybox && e.kind !== 'read') return busyboxWriteError(e, status0());
      return fail(e.message, e instanceof Panic ? e.status : 4);
    }
    try {
      await out.flush();
      await stdout.flush();
      for (const [, w] of machine.wfiles) await w.flush();
    } catch (e) {
      if (!(e instanceof IoError)) throw e;
      if (tool.busybox) return busyboxWriteError(e, status);
      return fail(e.message, 4);
    }
    return status;
  });
}
