// less (less 590): page through files. On a terminal it shows a screenful in the alternate
// screen and takes keys: space/f forward a page, b back, enter/j/e forward a line, k/y back,
// d/u half pages, g/G top and end, :n/:p next and previous file, q to quit (^C too). When
// standard output is not a terminal it copies its input like cat, as the real less does, and
// reports a file it cannot show on standard output.

import { isSysError, strerror, isOutputFailure } from '../../abi/errno.ts';
import { S_IFDIR, S_IFMT, S_IFREG } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { helpText, versionText } from '../lib/help.ts';
import { parseArgs, UsageError } from '../lib/options.ts';
import { displayLine, Document, REVERSE, rowsOf, withTerminal, type Terminal } from '../lib/pager.ts';

export const meta: ProgramMeta = {
  name: 'less', package: 'less', version: '590',
  usage: ['[FILE]...'],
  summary: 'Show FILEs (or standard input) a screenful at a time. Keys: space/f next page, b previous,\n' +
    'enter/j next line, k previous, d/u half a page, g/G first/last line, :n/:p next/previous file,\nq quit.',
  options: [
    { short: 'F', long: 'quit-if-one-screen', help: 'just print the text if it fits on one screen' },
    { short: 'N', long: 'LINE-NUMBERS', help: 'number the lines' },
    { short: 'R', long: 'RAW-CONTROL-CHARS', help: 'pass escape sequences (colours) through' },
    { short: 'S', long: 'chop-long-lines', help: 'cut long lines instead of wrapping them' },
    { short: 'X', long: 'no-init', help: 'do not use the alternate screen' },
  ],
};

interface Flags {
  quitIfOne: boolean;
  numbers: boolean;
  raw: boolean;
  chop: boolean;
  noInit: boolean;
}

async function openDoc(sys: Sys, name: string): Promise<Document | string> {
  if (name === '-') return new Document(sys, 'standard input', 0, null);
  try {
    const st = await sys.stat(name);
    if ((st.mode & S_IFMT) === S_IFDIR) return `${name} is a directory`;
    const fd = await sys.open(name, 0);
    return new Document(sys, name, fd, (st.mode & S_IFMT) === S_IFREG ? st.size : null);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return `${name}: ${strerror(e.code)}`;
  }
}

/** Not a terminal: copy each input through, as less does then. */
async function copy(sys: Sys, names: string[]): Promise<void> {
  for (const name of names) {
    const doc = await openDoc(sys, name);
    if (typeof doc === 'string') {
      await sys.writeAll(1, `${doc}\n`);
      continue;
    }
    try {
      for (let chunk = await sys.read(doc.fd, 65536); chunk.length > 0; chunk = await sys.read(doc.fd, 65536)) await sys.writeAll(1, chunk);
    } catch (e) {
      // A read that fails (a closed stdin) is less's "read error", then its erase-line (none
      // without a terminal type).
      if (!isSysError(e) || isOutputFailure(e)) throw e;
      const term = sys.getenv('TERM');
      await sys.writeAll(1, `read error\n${term && term !== 'dumb' ? '\x1b[K' : ''}`);
    }
    if (doc.fd !== 0) await sys.close(doc.fd);
  }
}

class Viewer {
  private top = 0;
  private index = 0;
  private message = '';
  constructor(private readonly t: Terminal, private readonly docs: Document[], private readonly flags: Flags) {}

  private shown(i: number): string {
    let line = displayLine(this.doc.lines[i]!, this.flags.raw);
    if (this.flags.numbers) line = `${String(i + 1).padStart(7)} ${line}`;
    if (this.flags.chop) line = [...line].slice(0, this.t.cols).join('');
    return line;
  }

  private get doc(): Document {
    return this.docs[this.index]!;
  }

  private get height(): number {
    return Math.max(1, this.t.rows - 1);
  }

  /** Lines from `top` that fit on the screen, reading more input when needed. */
  private async visible(top: number): Promise<string[]> {
    const shown: string[] = [];
    let used = 0;
    for (let i = top; used < this.height; i++) {
      await this.doc.ensure(i + 1);
      if (i >= this.doc.lines.length) break;
      const line = this.shown(i);
      used += rowsOf(line, this.t.cols);
      shown.push(line);
    }
    return shown;
  }

  private async atEnd(): Promise<boolean> {
    const shown = await this.visible(this.top);
    await this.doc.ensure(this.top + shown.length + 1);
    return this.top + shown.length >= this.doc.lines.length;
  }

  private async draw(): Promise<void> {
    const shown = await this.visible(this.top);
    let screen = '\x1b[H\x1b[2J';
    let used = 0;
    for (const line of shown) {
      const rows = rowsOf(line, this.t.cols);
      if (used + rows > this.height) break;
      screen += `${line}\n`;
      used += rows;
    }
    for (; used < this.height; used++) screen += '~\n';
    let prompt: string;
    if (this.message) prompt = REVERSE(this.message);
    else if (await this.atEnd()) {
      const next = this.docs[this.index + 1];
      prompt = REVERSE(next ? `(END) - Next: ${next.name}` : '(END)');
    } else if (this.top === 0 && this.docs.length > 1) prompt = REVERSE(`${this.doc.name} (file ${this.index + 1} of ${this.docs.length})`);
    else if (this.top === 0 && this.doc.fd !== 0) prompt = REVERSE(this.doc.name);
    else prompt = ':';
    this.message = '';
    await this.t.write(screen + prompt);
  }

  private async scroll(by: number): Promise<void> {
    if (by > 0) {
      for (let i = 0; i < by && !(await this.atEnd()); i++) this.top++;
    } else this.top = Math.max(0, this.top + by);
  }

  async run(): Promise<void> {
    if (this.flags.quitIfOne && this.docs.length === 1 && (await this.atEnd())) {
      // -F: all of it fits; print it as it is and leave.
      for (const line of await this.visible(0)) await this.t.write(`${line}\n`);
      return;
    }
    if (!this.flags.noInit) await this.t.write('\x1b[?1049h');
    try {
      for (;;) {
        await this.draw();
        const k = await this.t.key();
        if (k === null || k === 'q' || k === 'Q') return;
        const page = this.height;
        switch (k) {
          case ' ': case 'f': case '\x06': case '\x16': case 'z': case '\x1b[6~':
            await this.scroll(page);
            break;
          case 'b': case '\x02': case 'w': case '\x1b[5~':
            await this.scroll(-page);
            break;
          case '\r': case '\n': case 'j': case 'e': case '\x0e': case '\x05': case '\x1b[B': case '\x1bOB':
            await this.scroll(1);
            break;
          case 'k': case 'y': case '\x10': case '\x19': case '\x0b': case '\x1b[A': case '\x1bOA':
            await this.scroll(-1);
            break;
          case 'd': case '\x04':
            await this.scroll(Math.max(1, Math.floor(page / 2)));
            break;
          case 'u': case '\x15':
            await this.scroll(-Math.max(1, Math.floor(page / 2)));
            break;
          case 'g': case '<': case '\x1b<':
            this.top = 0;
            break;
          case 'G': case '>': case '\x1b>':
            await this.doc.ensure(Infinity);
            this.top = Math.max(0, this.doc.lines.length - page);
            break;
          case ':': {
            await this.t.write('\r\x1b[K:');
            const n = await this.t.key();
            if (n === 'n' || n === 'p') {
              const to = this.index + (n === 'n' ? 1 : -1);
              if (to < 0 || to >= this.docs.length) this.message = n === 'n' ? 'No next file' : 'No previous file';
              else {
                this.index = to;
                this.top = 0;
              }
            } else if (n === 'q' || n === 'Q') return;
            break;
          }
          default:
            await this.t.write('\x07');
        }
      }
    } finally {
      await this.t.write(this.flags.noInit ? '\r\x1b[K' : '\r\x1b[K\x1b[?1049l');
    }
  }
}

export default async function less(sys: Sys): Promise<number> {
  try {
    return await main(sys);
  } catch (e) {
    // less never checks its output: a full disk or a closed pipe (SIGPIPE ignored) ends it quietly.
    if (!isOutputFailure(e)) throw e;
    return 0;
  }
}

async function main(sys: Sys): Promise<number> {
  let names: string[];
  const flags: Flags = { quitIfOne: false, numbers: false, raw: false, chop: false, noInit: false };
  try {
    const a = parseArgs(meta, sys.argv.slice(1));
    const std = a.last('--help', '--version');
    if (std) {
      await sys.writeAll(1, std === '--help' ? helpText(meta) : versionText(meta));
      return 0;
    }
    names = a.operands;
    Object.assign(flags, {
      quitIfOne: a.has('quit-if-one-screen'), numbers: a.has('LINE-NUMBERS'), raw: a.has('RAW-CONTROL-CHARS'),
      chop: a.has('chop-long-lines'), noInit: a.has('no-init'),
    });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    // less names the option it does not know and goes on.
    const m = /'(?:--)?([^']*)'|-- '(.)'/.exec(e.text);
    await sys.writeAll(2, `There is no ${m?.[1] ?? m?.[2] ?? ''} option ("less --help" for help)\n`);
    names = sys.argv.slice(1).filter((x) => !x.startsWith('-') || x === '-');
  }
  if (names.length === 0) names = ['-'];
  if (!(await sys.isatty(1))) {
    await copy(sys, names);
    return 0;
  }
  const docs: Document[] = [];
  for (const name of names) {
    const doc = await openDoc(sys, name);
    if (typeof doc === 'string') await sys.writeAll(2, `${doc}\n`);
    else docs.push(doc);
  }
  if (docs.length === 0) return 0;
  await withTerminal(sys, (t) => new Viewer(t, docs, flags).run());
  for (const d of docs) if (d.fd !== 0) await sys.close(d.fd);
  return 0;
}
