// sed's input and output: input files read as one stream of lines (or one file at a time with
// -s/-i), with the look-ahead `$` needs; outputs that remember whether their last line lacked
// its newline (GNU writes it before anything that follows); in-place editing through a temporary
// file in the file's own directory that replaces the original only when the file is done.

import { isSysError, strerror } from '../../abi/errno.ts';
import { O_CREAT, O_EXCL, O_RDONLY, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import { S_IFMT, S_IFREG, type Stat } from '../../abi/stat.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { bytesToText, textToBytes } from '../lib/regex.ts';
import { isBusybox } from '../lib/tool.ts';

const READ_SIZE = 65536;

/** glibc's buffer for a file or pipe: real sed's output reaches the kernel this much at a time. */
const STDIO_BLOCK = 4096;

/**
 * An I/O failure that ends sed with status 4, as GNU's panic does ("couldn't write 3 items to
 * stdout: ...", "read error on dir: ..."): the message is what follows "sed: ".
 */
export class IoError extends Error {
  /** `kind`: a write glibc made while sed ran, the flush of what was left, or a read. */
  constructor(message: string, readonly kind: 'write' | 'flush' | 'read') {
    super(message);
  }
}

/** The UTF-8 length of a text (sed's text holds one character per byte outside UTF-8 locales). */
function byteLength(text: string, utf8: boolean): number {
  if (!utf8) return text.length;
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Two bytes more for U+0800 and up, one for U+0080..U+07FF and for each half of a surrogate pair.
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}

/** A file name written in the script (text form) as the name the kernel takes. */
export function textToName(s: string, utf8: boolean): string {
  return utf8 ? s : utf8Decode(textToBytes(s, false));
}

/**
 * Buffered text output to a descriptor, with GNU's missing-newline rule. Each `raw` piece stands
 * for one of GNU's ck_fwrite calls: the writer keeps count of what glibc's 4096-byte buffer would
 * hold, so a failing output is met at the piece real sed meets it at, with its words.
 */
export class Writer {
  private parts: string[] = [];
  private size = 0;
  private shared: Writer | null = null;
  /** Bytes glibc's buffer would hold now. */
  private stdioFill = 0;
  /** The size of the first piece that did not fit glibc's buffer since the last flush (0: none). */
  private overflow = 0;
  missingNewline = false;
  /**
   * `label` names the output in messages as GNU's utils_fp_name does ("stdout"; a w file's
   * stream is not in its list, so "<unknown>").
   */
  constructor(private readonly sys: Sys, public fd: number, private readonly utf8: boolean, private readonly delim: string, public unbuffered = false,
    private readonly label = fd === 1 ? 'stdout' : '<unknown>') {}

  /** A line: text, then the delimiter unless the line had none in the input. */
  async line(text: string, newline: boolean): Promise<void> {
    if (this.missingNewline) this.raw(this.delim);
    this.raw(text);
    if (newline) this.raw(this.delim);
    this.missingNewline = !newline;
    await this.maybeFlush();
  }

  /** Text as it is (appended text, files for r), after a pending newline. */
  async text(text: string): Promise<void> {
    this.fixNewline();
    this.raw(text);
    await this.maybeFlush();
  }

  /**
   * Text written with an unchecked fprintf (sed's `=`): when glibc's buffer cannot take it, the
   * buffer is written then and there; if that fails, the buffer and the rest of the text are
   * lost without a word, and sed goes on.
   */
  async printf(text: string): Promise<void> {
    this.fixNewline();
    if (this.shared) return this.shared.printf(text);
    const n = byteLength(text, this.utf8);
    const space = STDIO_BLOCK - this.stdioFill;
    if (n <= space || this.unbuffered) {
      this.raw(text);
      return this.maybeFlush();
    }
    try {
      await this.flush();
    } catch (e) {
      if (!(e instanceof IoError)) throw e;
      this.stdioFill = 0;
      return;
    }
    this.parts.push(text);
    this.size += text.length;
    this.stdioFill = (n - space) % STDIO_BLOCK;
  }

  fixNewline(): void {
    if (this.missingNewline) {
      this.raw(this.delim);
      this.missingNewline = false;
    }
  }

  /** Write into another writer's buffer (w /dev/stdout), keeping a missing-newline flag of its own. */
  sharing(other: Writer): this {
    this.shared = other;
    return this;
  }

  async maybeFlush(): Promise<void> {
    if (this.shared) return this.shared.maybeFlush();
    if (this.unbuffered || this.size >= 65536 || this.overflow) await this.flush();
  }

  raw(text: string): void {
    if (text === '') return;
    if (this.shared) {
      this.shared.raw(text);
      return;
    }
    this.parts.push(text);
    this.size += text.length;
    const n = byteLength(text, this.utf8);
    const space = STDIO_BLOCK - this.stdioFill;
    if (n <= space) this.stdioFill += n;
    else {
      // glibc fills its buffer, writes it, and keeps what is left past whole blocks.
      if (this.overflow === 0) this.overflow = n;
      this.stdioFill = (n - space) % STDIO_BLOCK;
    }
  }

  /** Write what is buffered; a failure is GNU's panic: the piece glibc could not take, or its fflush. */
  async flush(): Promise<void> {
    if (this.shared) return this.shared.flush();
    const overflow = this.overflow;
    this.overflow = 0;
    if (this.unbuffered) this.stdioFill = 0;
    if (this.size === 0) return;
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.size = 0;
    try {
      await this.sys.writeAll(this.fd, textToBytes(text, this.utf8));
    } catch (e) {
      if (!isSysError(e)) throw e;
      const err = strerror(e.code);
      throw overflow ? new IoError(`couldn't write ${overflow} item${overflow === 1 ? '' : 's'} to ${this.label}: ${err}`, 'write')
        // A closed descriptor passes GNU's ck_fflush (it ignores EBADF) and fails its fclose.
        : new IoError(`couldn't ${e.code === 'EBADF' ? 'close' : 'flush'} ${this.label}: ${err}`, 'flush');
    }
  }
}

/** Lines of one descriptor, decoded in chunks. */
export class LineReader {
  private text = '';
  private pos = 0;
  private carry: Uint8Array = new Uint8Array(0);
  private eof = false;
  /** The input's name in a read error ("stdin" for standard input, as GNU names it). */
  label: string;
  /** busybox's sed takes a read that fails for the end of the input, saying nothing. */
  quiet = false;

  constructor(private readonly sys: Sys, readonly fd: number, private readonly utf8: boolean, private readonly delim: string) {
    this.label = fd === 0 ? 'stdin' : String(fd);
  }

  /** Make sure a whole line (or the end of the file) is buffered; false at end of file. */
  private async fill(): Promise<boolean> {
    const d = this.delim.charCodeAt(0);
    while (this.text.indexOf(this.delim, this.pos) < 0 && !this.eof) {
      let chunk: Uint8Array;
      try {
        chunk = await this.sys.read(this.fd, READ_SIZE);
      } catch (e) {
        // A directory (EISDIR), a closed standard input (EBADF): GNU's ck_getdelim panics.
        if (!isSysError(e)) throw e;
        if (!this.quiet) throw new IoError(`read error on ${this.label}: ${strerror(e.code)}`, 'read');
        chunk = new Uint8Array(0);
      }
      let bytes: Uint8Array;
      if (chunk.length === 0) {
        this.eof = true;
        bytes = this.carry;
        this.carry = new Uint8Array(0);
      } else {
        bytes = this.carry.length ? concat(this.carry, chunk) : chunk;
        const cut = bytes.lastIndexOf(d) + 1;
        this.carry = bytes.slice(cut);
        bytes = bytes.subarray(0, cut);
      }
      if (bytes.length) {
        this.text = this.text.slice(this.pos) + bytesToText(bytes, this.utf8);
        this.pos = 0;
      }
    }
    return this.pos < this.text.length;
  }

  /** The next line without its delimiter, and whether it had one; null at end of file. */
  async next(): Promise<{ text: string; chomped: boolean } | null> {
    const nl = this.text.indexOf(this.delim, this.pos);
    if (nl >= 0) {
      const text = this.text.slice(this.pos, nl);
      this.pos = nl + 1;
      return { text, chomped: true };
    }
    if (!(await this.fill())) return null;
    return this.next2();
  }

  private next2(): { text: string; chomped: boolean } {
    const nl = this.text.indexOf(this.delim, this.pos);
    if (nl >= 0) {
      const text = this.text.slice(this.pos, nl);
      this.pos = nl + 1;
      return { text, chomped: true };
    }
    const text = this.text.slice(this.pos);
    this.pos = this.text.length;
    return { text, chomped: false };
  }

  /** Whether nothing is left to read. */
  async atEnd(): Promise<boolean> {
    if (this.pos < this.text.length) return false;
    return !(await this.fill());
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export interface InPlace {
  suffix: string;
  followSymlinks: boolean;
}

/** sed's input: the files named (or "-"), one after another. */
export class Input {
  lineNumber = 0;
  badCount = 0;
  /** The file being read, as named ("-" for standard input). */
  name = '-';
  private reader: LineReader | null = null;
  private fd = -1;
  private next = 0;
  private st: Stat | null = null;
  /** -i: where the current file's output goes until it is renamed over the file. */
  tempName: string | null = null;
  private target: string | null = null;
  /** Called when the next file starts (with -s or -i: reset line numbers, hold space, ranges). */
  onNewFile: (() => void) | null = null;
  private resetAtNextFile = true;

  constructor(private readonly sys: Sys, private readonly files: string[], private readonly utf8: boolean, private readonly delim: string,
    private readonly separate: boolean, private readonly inPlace: InPlace | null, readonly out: Writer, private readonly stdout: Writer,
    private readonly warn: (msg: string) => Promise<void>, private readonly panic: (msg: string) => never) {}

  /** The next line of input across files, or null when all are read. */
  async read(): Promise<{ text: string; chomped: boolean } | null> {
    for (;;) {
      if (this.reader) {
        const line = await this.reader.next();
        if (line) {
          this.lineNumber++;
          return line;
        }
      }
      await this.closedown();
      if (this.next >= this.files.length) return null;
      if (this.resetAtNextFile) {
        this.lineNumber = 0;
        this.onNewFile?.();
        if (this.inPlace) this.out.missingNewline = false;
        this.resetAtNextFile = this.separate;
      }
      await this.open(this.files[this.next++]!);
    }
  }

  /** Whether the current line is the last (of this file with -s/-i, else of all input). */
  async isLast(): Promise<boolean> {
    if (this.reader && !(await this.reader.atEnd())) return false;
    if (this.separate) return true;
    // Look into the following files for one with data, as GNU does (opening them now).
    for (;;) {
      await this.closedown();
      if (this.next >= this.files.length) return true;
      await this.open(this.files[this.next++]!);
      if (this.reader && !(await this.reader.atEnd())) return false;
    }
  }

  private async open(name: string): Promise<void> {
    const { sys } = this;
    this.name = name;
    if (name === '-' && !this.inPlace) {
      this.fd = 0;
      this.reader = new LineReader(sys, 0, this.utf8, this.delim);
      this.reader.quiet = isBusybox(sys);
      return;
    }
    let fd: number;
    try {
      fd = await sys.open(name, O_RDONLY);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await this.warn(isBusybox(sys) ? `${name}: ${strerror(e.code)}` : `can't read ${name}: ${strerror(e.code)}`);
      this.badCount++;
      return;
    }
    this.fd = fd;
    this.reader = new LineReader(sys, fd, this.utf8, this.delim);
    this.reader.label = name;
    this.reader.quiet = isBusybox(sys);
    if (!this.inPlace) return;
    let target = name;
    if (this.inPlace.followSymlinks) target = await followSymlink(sys, name);
    if (await sys.isatty(fd)) this.panic(`couldn't edit ${target}: is a terminal`);
    const st = await sys.fstat(fd);
    if ((st.mode & S_IFMT) !== S_IFREG) this.panic(`couldn't edit ${target}: not a regular file`);
    this.st = st;
    this.target = target;
    const dir = target.includes('/') ? target.slice(0, target.lastIndexOf('/')) || '/' : '.';
    for (let attempt = 0; ; attempt++) {
      const temp = `${dir}/sed${randomName()}`;
      try {
        this.out.fd = await sys.open(temp, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0o600);
        this.tempName = temp;
        break;
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (e.code !== 'EEXIST' || attempt > 20) this.panic(`couldn't open temporary file ${temp}: ${strerror(e.code)}`);
      }
    }
  }

  /** Finish the current file: with -i, give the output the file's owner and mode and rename it over the file. */
  async closedown(): Promise<void> {
    const { sys } = this;
    if (!this.reader) return;
    this.reader = null;
    if (this.fd > 0) await sys.close(this.fd);
    this.fd = -1;
    if (this.inPlace && this.tempName && this.target && this.st) {
      const temp = this.tempName;
      const target = this.target;
      await this.out.flush();
      try {
        await sys.chown(temp, this.st.uid, this.st.gid);
      } catch {
        try {
          await sys.chown(temp, -1, this.st.gid);
        } catch {
          // GNU ignores this failure too.
        }
      }
      await sys.chmod(temp, this.st.mode & 0o7777);
      await sys.close(this.out.fd);
      this.out.fd = this.stdout.fd;
      if (this.inPlace.suffix !== '' && this.inPlace.suffix !== '*') {
        const backup = backupName(target, this.inPlace.suffix);
        await this.rename(target, backup);
      }
      await this.rename(temp, target);
      this.tempName = null;
      this.target = null;
    }
  }

  private async rename(from: string, to: string): Promise<void> {
    try {
      await this.sys.rename(from, to);
    } catch (e) {
      if (!isSysError(e)) throw e;
      this.panic(`cannot rename ${from}: ${strerror(e.code)}`);
    }
  }

  /** After a failure: remove the temporary file so the original stays as it was. */
  async abandon(): Promise<void> {
    if (this.tempName) {
      try {
        await this.sys.unlink(this.tempName);
      } catch {
        // Nothing more to do.
      }
      this.tempName = null;
    }
  }
}

/** -i SUFFIX: `*` in the suffix stands for the file's base name; a suffix with a slash names a directory. */
function backupName(target: string, suffix: string): string {
  if (!suffix.includes('*')) return target + suffix;
  const slash = target.lastIndexOf('/');
  const dir = slash >= 0 ? target.slice(0, slash + 1) : '';
  const base = target.slice(slash + 1);
  const name = suffix.split('*').join(base);
  return name.includes('/') ? name : dir + name;
}

async function followSymlink(sys: Sys, name: string): Promise<string> {
  let path = name;
  for (let i = 0; i < 40; i++) {
    let link: string;
    try {
      link = await sys.readlink(path);
    } catch (e) {
      if (isSysError(e) && (e.code === 'EINVAL' || e.code === 'ENOENT')) return path;
      throw e;
    }
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    path = link.startsWith('/') ? link : dir + link;
  }
  return path;
}

function randomName(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 6; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}
