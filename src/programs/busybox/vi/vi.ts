// busybox's vi applet (alpine's /bin/vi): the editor core of ../../vim in busybox's dialect
// (dialect.ts). This file owns the terminal as busybox vi does: raw mode, the alternate screen
// (no application keypad), the status line drawn at once, SIGWINCH redrawing at the new size;
// ^C and SIGTERM do not end it (recorded). Arguments: [-c CMD] [-R] [-H] [FILE]...

import { isSysError } from '../../../abi/errno.ts';
import { SIG } from '../../../abi/signals.ts';
import { ECHO, ECHOE, ICANON, ICRNL, IEXTEN, INLCR, ISIG, IXON, type Termios, VMIN, VTIME, copyTermios } from '../../../abi/termios.ts';
import { utf8StreamDecoder } from '../../../base/text.ts';
import type { Sys } from '../../../sys/sys.ts';
import { dialectOf } from '../../lib/tool.ts';
import { Editor } from '../../vim/editor.ts';
import { flavourOf } from '../../vim/intro.ts';
import { loadFile, writeFile } from '../../vim/files.ts';
import { busyboxVi } from './dialect.ts';
import { bbLoad, bbWrite } from './files.ts';

/** What -H lists: the features this vi has, in busybox's words. */
const FEATURES = '\tPattern searches with / and ?\n\tLast command repeat with .\n\tLine marking with \'x\n\tNamed buffers with "x\n\tReadonly if vi is called as "view"\n\tReadonly with -R command line arg\n\tSome colon mode commands with :\n\tSettable options with ":set"\n\tSignal catching- ^C\n\tJob suspend and resume with ^Z\n\tAdapt to window re-sizes\n';

export default async function vi(sys: Sys): Promise<number> {
  const args = sys.argv.slice(1);
  const files: string[] = [];
  const initial: string[] = [];
  let readonly = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (a === '-R') readonly = true;
    else if (a === '-H') {
      await sys.writeAll(1, FEATURES);
      return 0;
    } else if (a === '-c' || a.startsWith('-c')) {
      const cmd = a === '-c' ? args[++i] : a.slice(2);
      if (cmd === undefined) return usageError(sys, "option requires an argument -- 'c'");
      initial.push(cmd);
    } else if (a.startsWith('-') && a !== '-') return usageError(sys, `invalid option -- '${a[1]}'`);
    else files.push(a);
  }
  const name = files[0] ?? null;
  let saved: Termios | null = null;
  try {
    saved = await sys.tcgetattr(0);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  const size = async (): Promise<{ rows: number; cols: number }> => {
    const ws = await sys.getWinsize(1).catch(() => ({ row: 0, col: 0 }));
    return { rows: ws.row || 24, cols: ws.col || 80 };
  };
  const decode = utf8StreamDecoder();
  const host = {
    read: async (): Promise<string | null> => {
      try {
        const b = await sys.read(0, 4096);
        return b.length === 0 ? null : decode(b);
      } catch (e) {
        if (isSysError(e, 'EINTR')) return '';
        throw e;
      }
    },
    write: (s: string) => sys.writeAll(1, s),
    size,
    now: async () => Number((await sys.clockGettime(0)) / 1_000_000n) / 1000,
    files: {
      load: (n: string) => loadFile(sys, n),
      write: (n: string, lines: string[], range?: [number, number]) => writeFile(sys, n, lines, range),
      exists: (n: string) => sys.stat(n).then(() => true, () => false),
    },
  };
  const dialect = busyboxVi({
    load: (n) => bbLoad(sys, n),
    write: (n, lines) => bbWrite(sys, n, lines),
    exists: host.files.exists,
  });
  const { rows, cols } = await size();
  const loaded = name ? await bbLoad(sys, name) : null;
  const ed = new Editor(host, rows, cols, flavourOf('alpine'), loaded?.lines ?? [''], name, dialect);
  ed.readonly = readonly || (loaded?.readonly ?? false);
  // busybox shows a file's trouble at start (a directory, no permission); a good load shows the status line.
  if (loaded && !loaded.ok && loaded.message) ed.setMessage(loaded.message, true);

  const old = new Map<number, Awaited<ReturnType<Sys['sigaction']>>>();
  old.set(SIG.SIGWINCH, await sys.sigaction(SIG.SIGWINCH, () => {
    ed.resized = true;
  }));
  old.set(SIG.SIGTERM, await sys.sigaction(SIG.SIGTERM, () => undefined));
  if (saved) {
    const raw = copyTermios(saved);
    raw.iflag &= ~(ICRNL | IXON | INLCR);
    raw.lflag &= ~(ICANON | ECHO | ISIG | ECHOE | IEXTEN);
    raw.cc[VMIN] = 1;
    raw.cc[VTIME] = 0;
    await sys.tcsetattr(0, 0, raw);
  }
  await sys.writeAll(1, '\x1b[?1049h\x1b[H\x1b[J');
  let status = 0;
  try {
    for (const cmd of initial) await dialect.runEx(ed, cmd);
    status = await ed.run();
  } finally {
    await sys.writeAll(1, `\x1b[${ed.display.rows};1H\x1b[K\x1b[?1049l`).catch(() => undefined);
    if (saved) await sys.tcsetattr(0, 0, saved).catch(() => undefined);
    for (const [sig, action] of old) await sys.sigaction(sig, action);
  }
  return status;
}

async function usageError(sys: Sys, msg: string): Promise<number> {
  await sys.writeAll(2, `vi: ${msg}\n${dialectOf(sys)?.usage('vi') ?? ''}`);
  return 1;
}
