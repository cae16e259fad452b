// busybox's vi applet (alpine's /bin/vi): the editor core of ../../vim in busybox's dialect
// (dialect.ts). This file owns the terminal as busybox vi does: raw mode, the alternate screen
// (no application keypad), the status line drawn at once, SIGWINCH redrawing at the new size;
// ^C and SIGTERM do not end it (recorded). Arguments: [-c CMD] [-R] [-H] [FILE]...

import { SIG } from '../../../abi/signals.ts';
import type { Sys } from '../../../sys/sys.ts';
import { dialectOf } from '../../lib/tool.ts';
import { Editor } from '../../vim/editor.ts';
import { flavourOf } from '../../vim/intro.ts';
import { editorHost } from '../../vim/host.ts';
import { ScreenSession } from '../../lib/screen-session.ts';
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
  const term = await ScreenSession.open(sys);
  const host = editorHost(sys, term);
  const dialect = busyboxVi({
    load: (n) => bbLoad(sys, n),
    write: (n, lines) => bbWrite(sys, n, lines),
    exists: host.files.exists,
  });
  const { rows, cols } = await term.size();
  const loaded = name ? await bbLoad(sys, name) : null;
  const ed = new Editor(host, rows, cols, flavourOf('alpine'), loaded?.lines ?? [''], name, dialect);
  ed.readonly = readonly || (loaded?.readonly ?? false);
  // busybox shows a file's trouble at start (a directory, no permission); a good load shows the status line.
  if (loaded && !loaded.ok && loaded.message) ed.setMessage(loaded.message, true);

  await term.on(SIG.SIGWINCH, () => (ed.resized = true));
  await term.on(SIG.SIGTERM, () => undefined);
  await term.raw();
  await term.write('\x1b[?1049h\x1b[H\x1b[J');
  let status = 0;
  try {
    for (const cmd of initial) await dialect.runEx(ed, cmd);
    status = await ed.run();
  } finally {
    await term.write(`\x1b[${ed.display.rows};1H\x1b[K\x1b[?1049l`).catch(() => undefined);
    await term.close();
  }
  return status;
}

async function usageError(sys: Sys, msg: string): Promise<number> {
  await sys.writeAll(2, `vi: ${msg}\n${dialectOf(sys)?.usage('vi') ?? ''}`);
  return 1;
}
