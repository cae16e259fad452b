// Input for an interactive shell: job notices, then the prompt (PS1, or PS2 inside a command),
// then a line from the line editor when stdin is a terminal (otherwise straight from fd 0, in
// blocks as dash reads, or a line for each prompt as busybox's line editor reads).
// ^C while typing drops the command being typed: ShellInterrupt tells cmdloop so.

import { isSysError } from '../../abi/errno.ts';
import { bytesToLatin1, fromBytes, toBytes } from './bytes.ts';
import { LineEditor, LineInterrupted } from './editor/line-editor.ts';
import { promptText, renderPrompt } from './editor/prompt.ts';
import { ShellInterrupt } from './errors.ts';
import { expandPrompt } from './eval.ts';
import { notifyJobs } from './notify.ts';
import type { InputSource } from './run.ts';
import type { Shell } from './shell.ts';
import { isTerminal } from './tty.ts';

export function interactiveInput(sh: Shell): InputSource {
  let pending = '';
  let editor: LineEditor | null | undefined;
  const getEditor = async (): Promise<LineEditor | null> => {
    if (editor !== undefined) return editor;
    if (await isTerminal(sh, 0)) {
      const file = sh.getVar('HISTFILE') ?? (sh.getVar('HOME') ? `${sh.getVar('HOME')}/${sh.dialect.historyName}` : null);
      editor = new LineEditor(sh, 0, sh.dialect.promptFd, file === null ? null : fromBytes(file));
      await editor.history.load();
      sh.history = editor.history;
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
      // busybox's line editor works off a terminal too: PS1's escapes decoded, the prompt on
      // stdout, and one line (stdio's fgets) for each prompt.
      const edited = sh.dialect.editsOffTerminal;
      await sh.writeFd(sh.dialect.promptFd, edited ? toBytes(promptText(await renderPrompt(sh, ps))) : await expandPrompt(sh, ps));
      if (!edited) return readChunk(sh);
      for (;;) {
        const nl = pending.indexOf('\n');
        if (nl >= 0) {
          const line = pending.slice(0, nl + 1);
          pending = pending.slice(nl + 1);
          return line;
        }
        const chunk = await readChunk(sh);
        if (chunk === null) {
          const rest = pending;
          pending = '';
          return rest || null;
        }
        pending += chunk;
      }
    },
  };
}

/** A block of what stdin holds (dash reads its input this way); null at the end. */
async function readChunk(sh: Shell): Promise<string | null> {
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
}
