// more (util-linux 2.38): page through files, forward only. On a terminal it prints a screenful,
// then waits at "--More--(NN%)": space for the next page, enter for one more line, d for half a
// page, q to quit (^C too). Several files are introduced by a ":::" header. When standard output
// is not a terminal it copies the files, each with its header, as util-linux's more does.

import { isSysError, strerror } from '../../abi/errno.ts';
import { S_IFDIR, S_IFMT, S_IFREG } from '../../abi/stat.ts';
import { utf8Length } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { displayLine, Document, REVERSE, rowsOf, withTerminal, type Terminal } from '../lib/pager.ts';
import { outputFailure, runTool, type Tool } from '../lib/tool.ts';
import { withArgv } from '../lib/argv.ts';

export const meta: ProgramMeta = {
  name: 'more', package: 'util-linux', version: '2.38.1', style: 'util-linux',
  usage: ['[options] <file>...'],
  summary: 'Show FILEs a screenful at a time. Keys: space next page, enter next line, d half a page,\nq quit.',
  options: [
    { short: 'd', long: 'silent', help: 'prompt with a hint about the keys' },
    { short: 'f', long: 'logical', help: 'count logical lines, not screen lines (always so here)' },
    { short: 'l', long: 'no-pause', help: 'do not pause at form feeds (never done here)' },
    { short: 'c', long: 'print-over', key: 'clean', help: 'paint each page from the top instead of scrolling' },
    { short: 'p', long: 'clean-print', key: 'clean', help: 'clear the screen before each page' },
    { short: 's', long: 'squeeze', help: 'show several empty lines as one' },
    { short: 'u', long: 'plain', help: 'no underlining (never done here)' },
    { short: 'n', long: 'lines', arg: 'required', argName: 'NUMBER', help: 'lines per screenful' },
  ],
};

const HEADER = (name: string): string => `::::::::::::::\n${name}\n::::::::::::::\n`;

interface Opened {
  doc: Document | null;
  /** What to print instead of the file: the directory notice. */
  notice?: string;
}

async function openFile(tool: Tool, name: string): Promise<Opened | null> {
  const { sys } = tool;
  try {
    const st = await sys.stat(name);
    if ((st.mode & S_IFMT) === S_IFDIR) return { doc: null, notice: `\n*** ${name}: directory ***\n\n` };
    return { doc: new Document(sys, name, await sys.open(name, 0), (st.mode & S_IFMT) === S_IFREG ? st.size : null) };
  } catch (e) {
    if (!isSysError(e)) throw e;
    await sys.writeAll(2, `more: cannot open ${name}: ${strerror(e.code)}\n`);
    return null;
  }
}

interface Settings {
  lines: number | null;
  squeeze: boolean;
  clean: boolean;
  hint: boolean;
  startLine: number;
  startPattern: string | null;
}

/** The terminal pager: a page, then a prompt, then what the key asks for. */
async function pageFiles(t: Terminal, files: { name: string; doc: Document | null; notice?: string }[], s: Settings): Promise<void> {
  const height = (): number => Math.max(1, (s.lines ?? t.rows - 1));
  let used = 0;
  let budget = height();
  const multiple = files.length > 1;
  for (const [fi, f] of files.entries()) {
    if (f.notice) {
      await t.write(f.notice);
      continue;
    }
    const doc = f.doc!;
    if (multiple) {
      await t.write(HEADER(f.name));
      used += 3;
    }
    let i = 0;
    if (fi === 0 && s.startPattern !== null) {
      for (; ; i++) {
        await doc.ensure(i + 1);
        if (i >= doc.lines.length) break;
        if (doc.lines[i]!.includes(s.startPattern)) break;
      }
      if (i >= doc.lines.length) i = 0;
    } else if (fi === 0) i = Math.max(0, s.startLine - 1);
    let lastBlank = false;
    for (;;) {
      await doc.ensure(i + 1);
      if (i >= doc.lines.length) break;
      const line = doc.lines[i++]!;
      if (s.squeeze && line === '' && lastBlank) continue;
      lastBlank = line === '';
      const shown = displayLine(line);
      await t.write(`${shown}\n`);
      used += rowsOf(shown, t.cols);
      if (used < budget) continue;
      await doc.ensure(i + 1);
      const atEnd = i >= doc.lines.length;
      if (atEnd && fi === files.length - 1) return;
      const pct = doc.size ? ` (${Math.min(100, Math.floor((byteOffset(doc, i) * 100) / doc.size))}%)`.replace(' (', '(') : '';
      const prompt = atEnd && files[fi + 1] ? `--More--(Next file: ${files[fi + 1]!.name})` : `--More--${pct}`;
      await t.write(REVERSE(prompt) + (s.hint ? "[Press space to continue, 'q' to quit.]" : ''));
      for (;;) {
        const k = await t.key();
        if (k === null || k === 'q' || k === 'Q') {
          await t.write('\r\x1b[K');
          return;
        }
        let more: number | null = null;
        if (k === ' ' || k === 'z' || k === 'f') more = height();
        else if (k === '\r' || k === '\n' || k === 'j' || k === '\x1b[B') more = 1;
        else if (k === 'd' || k === '\x04') more = Math.max(1, Math.floor(height() / 2));
        if (more === null) {
          await t.write('\x07');
          continue;
        }
        await t.write(s.clean && more > 1 ? '\r\x1b[H\x1b[2J' : '\r\x1b[K');
        used = 0;
        budget = more;
        break;
      }
    }
  }
}

/** Bytes before line `i`, counted from the decoded lines (for the percentage). */
function byteOffset(doc: Document, i: number): number {
  let n = 0;
  for (let k = 0; k < i && k < doc.lines.length; k++) n += utf8Length(doc.lines[k]!) + 1;
  return n;
}

export default async function more(sys: Sys): Promise<number> {
  // More's own old forms: -NUMBER (lines per screen), +NUMBER and +/PATTERN (where to start).
  let startLine = 1;
  let startPattern: string | null = null;
  const argv = [sys.argv[0]!];
  for (const a of sys.argv.slice(1)) {
    if (/^-[0-9]+$/.test(a)) argv.push('-n', a.slice(1));
    else if (/^\+[0-9]+$/.test(a)) startLine = Number(a.slice(1));
    else if (a.startsWith('+/')) startPattern = a.slice(2);
    else argv.push(a);
  }
  return runTool(withArgv(sys, argv), meta, async (tool) => {
    const a = tool.args;
    const n = a.value('lines');
    if (n !== undefined && !/^[0-9]+$/.test(n)) {
      await tool.error(`failed to parse number: '${n}'`);
      return 1;
    }
    const names = a.operands;
    const tty = await sys.isatty(1);
    if (names.length === 0 && (await sys.isatty(0))) {
      await sys.writeAll(2, "more: bad usage\nTry 'more --help' for more information.\n");
      return 1;
    }
    if (!tty) {
      // Copying to a file or pipe, more does not check its writes: a failed output is no error.
      tool.writeError = async () => 0;
      if (names.length === 0) {
        try {
          for (let c = await sys.read(0, 65536); c.length > 0; c = await sys.read(0, 65536)) await tool.out.write(c);
        } catch (e) {
          // A standard input that cannot be read (closed) ends the copy.
          if (!isSysError(e) || outputFailure(e)) throw e;
        }
        return 0;
      }
      for (const name of names) {
        const f = await openFile(tool, name);
        if (!f) continue;
        if (f.notice) {
          await tool.out.write(f.notice);
          continue;
        }
        await tool.out.write(HEADER(name));
        const fd = f.doc!.fd;
        for (let c = await sys.read(fd, 65536); c.length > 0; c = await sys.read(fd, 65536)) await tool.out.write(c);
        await sys.close(fd);
      }
      return 0;
    }
    const files: { name: string; doc: Document | null; notice?: string }[] = [];
    if (names.length === 0) files.push({ name: 'standard input', doc: new Document(sys, 'standard input', 0, null) });
    for (const name of names) {
      const f = await openFile(tool, name);
      if (f) files.push({ name, ...f });
    }
    if (files.length === 0) return 0;
    await withTerminal(sys, (t) => pageFiles(t, files, {
      lines: n === undefined ? null : Number(n), squeeze: a.has('squeeze'), clean: a.has('clean'), hint: a.has('silent'),
      startLine, startPattern,
    }));
    for (const f of files) if (f.doc && f.doc.fd !== 0) await sys.close(f.doc.fd);
    return 0;
  });
}
