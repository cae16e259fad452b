// vi / vim.tiny (vim 9.0.1378 as Debian 12 ships it, started as vi so /etc/vim/vimrc.tiny sets
// 'compatible'): a full-screen editor on the terminal. This file owns the terminal: raw mode
// through termios, the alternate screen and application cursor keys as vim's xterm entry
// switches them on, SIGWINCH redraws at the new size, SIGTERM/SIGHUP put the terminal back and
// end it as vim's "Caught deadly signal" does. Arguments: [+N | + | +/PAT] [-R] [FILE].

import { isSysError } from '../../abi/errno.ts';
import { SIG } from '../../abi/signals.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { Editor } from './editor.ts';
import { ScreenSession } from '../lib/screen-session.ts';
import { loadFile } from './files.ts';
import { editorHost } from './host.ts';
import { type Flavour, flavourOf } from './intro.ts';
import { VIM_DIALECT } from './vim-dialect.ts';

/** The distribution's vim, from /etc/os-release (the host counts as Debian). */
async function flavourFor(sys: Sys): Promise<{ id: string; flavour: Flavour }> {
  let id = 'debian';
  try {
    const fd = await sys.open('/etc/os-release', 0);
    const text = utf8Decode(await sys.readAll(fd));
    await sys.close(fd);
    id = /^ID="?([^"\n]*)/m.exec(text)?.[1] ?? 'debian';
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  return { id, flavour: flavourOf(id) };
}

function versionText(id: string): string {
  if (id === 'alpine') {
    return 'VIM - Vi IMproved 9.1 (2024 Jan 02, compiled Sep 11 2024 12:00:00)\nIncluded patches: 1-707\nCompiled by Alpine Linux\nHuge version without GUI.\n';
  }
  if (id === 'ubuntu') {
    return 'VIM - Vi IMproved 9.1 (2024 Jan 02, compiled Apr 01 2025 20:12:31)\nIncluded patches: 1-16, 647\nModified by team+vim@tracker.debian.org\nCompiled by team+vim@tracker.debian.org\nSmall version without GUI.\n';
  }
  return 'VIM - Vi IMproved 9.0 (2022 Jun 28, compiled Feb 16 2025 05:23:41)\nIncluded patches: 1-1378, 1499, 1532, 1848, 1858, 1873, 1969, 2142\nModified by team+vim@tracker.debian.org\nCompiled by team+vim@tracker.debian.org\nTiny version without GUI.\n';
}

export default async function vim(sys: Sys): Promise<number> {
  const args = sys.argv.slice(1);
  const { id, flavour } = await flavourFor(sys);
  let start: string | null = null;
  let forceReadonly = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--version') {
      await sys.writeAll(1, versionText(id));
      return 0;
    }
    if (a === '--help' || a === '-h') {
      // vim's own usage layout (the first lines of it: the options cowbox's vi takes).
      await sys.writeAll(1, versionText(id).split('\n')[0] + '\n\nUsage: vim [arguments] [file ..]       edit specified file(s)\n\n' +
        'Arguments:\n   --\t\t\tOnly file names after this\n   -R\t\t\tReadonly mode (like "view")\n' +
        '   +\t\t\tStart at end of file\n   +<lnum>\t\tStart at line <lnum>\n   +/<pat>\t\tStart at first occurrence of <pat>\n' +
        '   -h  or  --help\tPrint Help (this message) and exit\n   --version\t\tPrint version information and exit\n');
      return 0;
    }
    if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('+')) start = a.slice(1);
    else if (a === '-R') forceReadonly = true;
    else if (a.startsWith('-') && a !== '-') {
      await sys.writeAll(2, `VIM - Vi IMproved ${id === 'debian' ? '9.0' : '9.1'}\nUnknown option argument: "${a}"\nMore info with: "vim -h"\n`);
      return 1;
    }
    else files.push(a);
  }
  if (!(await sys.isatty(1))) await sys.writeAll(2, 'Vim: Warning: Output is not to a terminal\n');
  if (!(await sys.isatty(0))) await sys.writeAll(2, 'Vim: Warning: Input is not from a terminal\n');

  const name = files[0] ?? null;
  const term = await ScreenSession.open(sys);
  const { rows, cols } = await term.size();
  const loaded = name ? await loadFile(sys, name) : null;
  const ed = new Editor(editorHost(sys, term), rows, cols, flavour, loaded?.lines ?? [''], name, VIM_DIALECT);
  ed.readonly = forceReadonly || (loaded?.readonly ?? false);
  ed.intro = !name;
  if (loaded) ed.setMessage(loaded.message);
  if (start !== null) {
    if (start === '' || start === '$') ed.gotoLine(ed.buf.length - 1);
    else if (/^\d+$/.test(start)) ed.gotoLine(Number(start) - 1);
    else if (start.startsWith('/')) ed.queueSearch(start.slice(1));
  }

  for (const sig of [SIG.SIGTERM, SIG.SIGHUP]) await term.on(sig, () => (ed.deadly = sig === SIG.SIGTERM ? 'TERM' : 'HUP'));
  await term.on(SIG.SIGWINCH, () => (ed.resized = true));
  await term.raw();
  // The alternate screen and the keypad in application mode, as vim's xterm terminfo entry does.
  await term.write('\x1b[?1049h\x1b[?1h\x1b=\x1b[H\x1b[2J');
  let status = 0;
  try {
    status = await ed.run();
  } finally {
    await term.write(`\x1b[${ed.display.rows};1H\x1b[K\x1b[?1l\x1b>\x1b[?1049l`).catch(() => undefined);
    await term.close();
  }
  if (ed.deadly) {
    await sys.writeAll(1, `Vim: Caught deadly signal ${ed.deadly}\r\nVim: Finished.\r\n`);
    return 1;
  }
  return status;
}
