// wc (GNU coreutils): newline, word, character, byte counts and the longest line's width, in
// that column order, for each file and a `total` line when there are several. Columns are as
// wide as the total size of the regular files needs (at least 7 when a pipe or device is among
// them), except that one count of one file is printed bare, as GNU does.

import { isSysError, strerror } from '../../abi/errno.ts';
import { S_IFMT, S_IFREG } from '../../abi/stat.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { runTool, tryHelp, type Tool } from '../lib/tool.ts';
import { localeIsUtf8 } from '../lib/locale.ts';

export const meta: ProgramMeta = {
  name: 'wc', package: 'GNU coreutils', version: '9.1',
  helpWriteError: 'plain',
  usage: ['[OPTION]... [FILE]...', '[OPTION]... --files0-from=F'],
  summary: 'Count the newlines, words and bytes of each FILE, and their total when there are several.\nA word is a run of printable characters between white space. With no FILE, or FILE "-",\nread standard input.',
  options: [
    { short: 'c', long: 'bytes', help: 'print the byte counts' },
    { short: 'm', long: 'chars', help: 'print the character counts' },
    { short: 'l', long: 'lines', help: 'print the newline counts' },
    { long: 'files0-from', arg: 'required', argName: 'F', help: 'read the names of the input files from F, each ended by a NUL;\nF "-" is standard input' },
    { short: 'L', long: 'max-line-length', help: 'print the width of the widest line' },
    { short: 'w', long: 'words', help: 'print the word counts' },
  ],
};

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  maxLine: number;
}

interface Want {
  lines: boolean;
  words: boolean;
  chars: boolean;
  bytes: boolean;
  maxLine: boolean;
}

const zero = (): Counts => ({ lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 });

/** Counting state carried across reads of one file. */
class Counter {
  c = zero();
  private inWord = false;
  private linePos = 0;
  /** UTF-8: bytes still expected in the current sequence, and the code point so far. */
  private need = 0;
  private cp = 0;
  constructor(private readonly utf8: boolean, private readonly full: boolean) {}

  feed(b: Uint8Array): void {
    const c = this.c;
    c.bytes += b.length;
    if (!this.full) {
      // Only lines (and bytes) are wanted: count newlines and nothing else.
      let at = b.indexOf(10);
      while (at >= 0) {
        c.lines++;
        at = b.indexOf(10, at + 1);
      }
      return;
    }
    for (let i = 0; i < b.length; i++) {
      const x = b[i]!;
      if (this.utf8 && x >= 0x80) {
        this.utf8Byte(x);
        continue;
      }
      if (this.need > 0) this.endBadSequence();
      c.chars++;
      this.ascii(x);
    }
  }

  private ascii(x: number): void {
    const c = this.c;
    switch (x) {
      case 10:
      case 13:
      case 12:
        if (x === 10) c.lines++;
        if (this.linePos > c.maxLine) c.maxLine = this.linePos;
        this.linePos = 0;
        this.wordEnd();
        return;
      case 9:
        this.linePos += 8 - (this.linePos % 8);
        this.wordEnd();
        return;
      case 32:
        this.linePos++;
        this.wordEnd();
        return;
      case 11:
        this.wordEnd();
        return;
      default:
        if (x >= 32 && x < 127) {
          this.linePos++;
          this.inWord = true;
        }
    }
  }

  private wordEnd(): void {
    if (this.inWord) this.c.words++;
    this.inWord = false;
  }

  private utf8Byte(x: number): void {
    if (x >= 0x80 && x < 0xc0) {
      if (this.need === 0) return; // a stray continuation byte: not a character
      this.cp = (this.cp << 6) | (x & 0x3f);
      if (--this.need === 0) this.wide(this.cp);
      return;
    }
    if (this.need > 0) this.endBadSequence();
    if (x >= 0xc2 && x < 0xe0) { this.need = 1; this.cp = x & 0x1f; }
    else if (x >= 0xe0 && x < 0xf0) { this.need = 2; this.cp = x & 0x0f; }
    else if (x >= 0xf0 && x < 0xf5) { this.need = 3; this.cp = x & 0x07; }
  }

  private endBadSequence(): void {
    this.need = 0;
  }

  /** A decoded non-ASCII character: printable ones make words and take columns. */
  private wide(cp: number): void {
    this.c.chars++;
    if (cp === 0xa0 || cp === 0x2007 || cp === 0x202f) {
      // No-break spaces are not word separators in glibc; they print one column.
      this.linePos++;
      this.inWord = true;
      return;
    }
    if ((cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x205f || cp === 0x3000 || cp === 0x1680 || cp === 0x85) {
      this.linePos++;
      this.wordEnd();
      return;
    }
    if (cp < 0xa0 || (cp >= 0x300 && cp < 0x370) || (cp >= 0x200b && cp <= 0x200f)) return;
    this.linePos += isWide(cp) ? 2 : 1;
    this.inWord = true;
  }

  finish(): Counts {
    if (this.linePos > this.c.maxLine) this.c.maxLine = this.linePos;
    this.wordEnd();
    return this.c;
  }
}

/** East Asian wide characters take two columns. */
function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

const isRegular = (mode: number): boolean => (mode & S_IFMT) === S_IFREG;

async function countFd(sys: Sys, fd: number, want: Want, utf8: boolean): Promise<Counts> {
  const full = want.words || want.chars || want.maxLine;
  if (!full && !want.lines) {
    // Bytes only: a regular file's size says it without reading.
    const st = await sys.fstat(fd);
    if (isRegular(st.mode)) {
      const pos = await sys.lseek(fd, 0, 1).catch(() => 0);
      return { ...zero(), bytes: Math.max(0, st.size - pos) };
    }
  }
  const counter = new Counter(utf8, full);
  for (let chunk = await sys.read(fd, 65536); chunk.length > 0; chunk = await sys.read(fd, 65536)) counter.feed(chunk);
  const c = counter.finish();
  if (!utf8) c.chars = c.bytes;
  return c;
}

function formatCounts(c: Counts, want: Want, width: number, name: string | null): string {
  const cols: number[] = [];
  if (want.lines) cols.push(c.lines);
  if (want.words) cols.push(c.words);
  if (want.chars) cols.push(c.chars);
  if (want.bytes) cols.push(c.bytes);
  if (want.maxLine) cols.push(c.maxLine);
  const text = cols.map((n, i) => (i === 0 ? String(n).padStart(width) : ` ${String(n).padStart(width)}`)).join('');
  return name === null ? `${text}\n` : `${text} ${name}\n`;
}

/** The names --files0-from lists, and whether they could all be read in one go (a regular file). */
async function namesFrom(tool: Tool, source: string): Promise<{ names: string[]; known: boolean } | null> {
  const { sys } = tool;
  let fd = 0;
  if (source !== '-') {
    try {
      fd = await sys.open(source, 0);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await tool.error(`cannot open ${quote(source)} for reading: ${strerror(e.code)}`);
      return null;
    }
  }
  try {
    const known = isRegular((await sys.fstat(fd)).mode);
    const data = utf8Decode(await sys.readAll(fd));
    const names = data.split('\0');
    if (names[names.length - 1] === '') names.pop();
    return { names, known };
  } finally {
    if (fd !== 0) await sys.close(fd);
  }
}

export default function wc(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    tool.plainWriteError();
    const a = tool.args;
    let want: Want = { lines: a.has('lines'), words: a.has('words'), chars: a.has('chars'), bytes: a.has('bytes'), maxLine: a.has('max-line-length') };
    if (!want.lines && !want.words && !want.chars && !want.bytes && !want.maxLine) want = { lines: true, words: true, chars: false, bytes: true, maxLine: false };
    const nWanted = [want.lines, want.words, want.chars, want.bytes, want.maxLine].filter(Boolean).length;
    const utf8 = localeIsUtf8((n) => sys.getenv(n));
    const from = a.value('files0-from');
    let names: (string | null)[];
    let known = true;
    if (from !== undefined) {
      if (a.operands.length) {
        await sys.writeAll(2, `wc: extra operand ${quote(a.operands[0]!)}\nfile operands cannot be combined with --files0-from\n${tryHelp(meta)}`);
        return 1;
      }
      const r = await namesFrom(tool, from);
      if (!r) return 1;
      names = r.names;
      known = r.known;
    } else names = a.operands.length ? a.operands : [null];

    // Column width from the sizes of the inputs, found with stat before anything is read.
    let width = 1;
    if (known && names.length > 0 && !(names.length === 1 && nWanted === 1)) {
      let total = 0;
      let minimum = 1;
      for (const [i, name] of names.entries()) {
        try {
          const st = name === null || name === '-' ? await sys.fstat(0) : await sys.stat(name);
          if (isRegular(st.mode)) total += st.size;
          else minimum = 7;
        } catch (e) {
          if (!isSysError(e)) throw e;
          if (i === 0) {
            minimum = 1;
            total = 0;
            break;
          }
        }
      }
      width = Math.max(String(total).length, minimum);
    }
    // busybox pads every count to 9 unless it prints one count of one input.
    if (tool.busybox) width = names.length === 1 && nWanted === 1 ? 1 : 9;

    const total = zero();
    let processed = 0;
    for (const [i, name] of names.entries()) {
      if (from !== undefined) {
        const where = `${quoteIfNeeded(from)}:${i + 1}`;
        if (name === '') {
          await tool.error(`${where}: invalid zero-length file name`);
          continue;
        }
        if (name === '-' && from === '-') {
          await tool.error(`when reading file names from stdin, no file name of ${quote('-')} allowed`);
          continue;
        }
      }
      processed++;
      let counts: Counts;
      const shown = name === null ? null : name;
      if (name === null || name === '-') {
        try {
          counts = await countFd(sys, 0, want, utf8);
        } catch (e) {
          // With no operand GNU's wc names its input 'standard input'.
          await tool.sysError(e, name ?? (tool.busybox ? '-' : quote('standard input')));
          counts = zero();
        }
      } else {
        let fd: number;
        try {
          fd = await sys.open(name, 0);
        } catch (e) {
          await tool.sysError(e, tool.busybox ? name : quoteIfNeeded(name));
          continue;
        }
        try {
          counts = await countFd(sys, fd, want, utf8);
        } catch (e) {
          // A directory: GNU reports the read error and still prints the zero counts.
          await tool.sysError(e, quoteIfNeeded(name));
          counts = zero();
        } finally {
          await sys.close(fd);
        }
      }
      total.lines += counts.lines;
      total.words += counts.words;
      total.chars += counts.chars;
      total.bytes += counts.bytes;
      total.maxLine = Math.max(total.maxLine, counts.maxLine);
      await tool.out.write(formatCounts(counts, want, width, shown));
    }
    if (names.length > 1 || (from !== undefined && processed > 1)) await tool.out.write(formatCounts(total, want, width, 'total'));
    // GNU's tools close a standard input they read; a closed one fails there too.
    if (!tool.busybox && from === undefined && names.some((n) => n === null || n === '-')) await tool.closeStdin();
  });
}
