// Input for an interactive shell: job notices, then the prompt (PS1, or PS2 inside a command),
// then a line from the line editor when stdin is a terminal (otherwise straight from fd 0).
// ^C while typing drops the command being typed: ShellInterrupt tells cmdloop so.

import { isSysError } from '../../abi/errno.ts';
import { bytesToLatin1, fromBytes, toBytes } from './bytes.ts';
import { LineEditor, LineInterrupted } from './editor/line-editor.ts';
import { renderPrompt } from './editor/prompt.ts';
import { ShellInterrupt } from './errors.ts';
import { expandPrompt } from './eval.ts';
import { notifyJobs } from './notify.ts';
import type { InputSource } from './run.ts';
import type { Shell } from './shell.ts';
import { isTerminal } from './tty.ts';

export function interactiveInput(sh: Shell): InputSource {
  let editor: LineEditor | null | undefined;
  const getEditor = async (): Promise<LineEditor | null> => {
    if (editor !== undefined) return editor;
    if (await isTerminal(sh, 0)) {
      const file = sh.getVar('HISTFILE') ?? (sh.getVar('HOME') ? `${sh.getVar('HOME')}/.sh_history` : null);
      editor = new LineEditor(sh, 0, 2, file === null ? null : fromBytes(file));
      await editor.history.load();
    } else editor = null;
    return editor;
  };
  return {
    interactive: true,
    next: async (continued) => {
      if (!continued) await notifyJobs(sh);
      const ps = sh.getVar(continued ? 'PS2' : 'PS1') ?? '';
      const ed = await getEditor();
      if (ed) {
        try {
          const line = await ed.readLine(await renderPrompt(sh, ps));
          return line === null ? null : toBytes(line);
        } catch (e) {
          if (e instanceof LineInterrupted) throw new ShellInterrupt();
          throw e;
        }
      }
      await sh.writeFd(2, await expandPrompt(sh, ps));
      for (;;) {
        try {
          const chunk = await sh.sys.read(0, 8192);
          return chunk.length ? bytesToLatin1(chunk) : null;
        } catch (e) {
          if (!isSysError(e)) throw e;
          if (e.code === 'EINTR') {
            if (sh.pendingSignals.includes(2)) {
              sh.pendingSignals = sh.pendingSignals.filter((s) => s !== 2);
              await sh.writeFd(2, '\n');
              throw new ShellInterrupt();
            }
            continue;
          }
          return null;
        }
      }
    },
  };
}
