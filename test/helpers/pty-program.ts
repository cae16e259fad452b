// A test program that drives another on a pseudo-terminal as a learner would: it opens a pty,
// runs the program on the slave as its controlling terminal, types into the master when the
// screen shows what it waits for, and prints everything the terminal showed (JSON) and the
// program's status. Argv: the program's words, `--`, then pairs of WAIT and TYPE; a WAIT of
// `@MS` waits that many milliseconds instead of for text; `\n` and `\xHH` in them are decoded.

import { O_NOCTTY, O_RDWR } from '../../src/abi/open-flags.ts';
import { WEXITSTATUS } from '../../src/abi/signals.ts';
import { utf8Decode } from '../../src/base/text.ts';
import type { Sys } from '../../src/sys/sys.ts';

export interface PtyProgramOptions {
  /** WAIT must end the screen (a prompt the program waits at), not merely appear on it. */
  atEnd?: boolean;
}

const decode = (t: string): string =>
  t.replace(/\\x([0-9a-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\\n/g, '\n');

/** The program: `exec` runs the driven program's words in the child that owns the terminal. */
export function ptyProgram(exec: (c: Sys, words: string[]) => Promise<number>, opts: PtyProgramOptions = {}): (sys: Sys) => Promise<number> {
  return async (sys) => {
    const all = sys.argv.slice(1);
    const words = all.slice(0, all.indexOf('--'));
    const script = all.slice(all.indexOf('--') + 1).map(decode);
    const master = await sys.posixOpenpt(O_RDWR | O_NOCTTY);
    await sys.unlockpt(master);
    const slavePath = await sys.ptsname(master);
    const child = await sys.fork(async (c) => {
      await c.setsid();
      const slave = await c.open(slavePath, O_RDWR);
      await c.setControllingTty(slave);
      for (let i = 0; i < 3; i++) await c.dup2(slave, i);
      await c.close(master);
      return exec(c, words);
    });
    // A reader process copies the terminal's output into a pipe we can poll between checks.
    const [r, w] = await sys.pipe();
    const reader = await sys.fork(async (c) => {
      await c.close(r);
      for (;;) {
        let chunk: Uint8Array;
        try {
          chunk = await c.read(master, 4096);
        } catch {
          return 0;
        }
        if (chunk.length === 0) return 0;
        await c.writeAll(w, chunk);
      }
    });
    await sys.close(w);
    let seen = '';
    let step = 0;
    let status = -1;
    for (let i = 0; i < 2000 && status < 0; i++) {
      const [pid, st] = await sys.wait4(child, 1);
      if (pid === child) status = st;
      await sys.sleep(5);
      if (step < script.length) {
        const wait = script[step]!;
        // Otherwise the reader's pipe holds what the terminal showed so far (a read waits for more).
        if (!wait.startsWith('@')) seen += utf8Decode(await sys.read(r, 4096));
        const ready = wait.startsWith('@') ? i * 5 >= Number(wait.slice(1)) : opts.atEnd ? seen.endsWith(wait) : seen.includes(wait);
        if (ready) {
          await sys.writeAll(master, script[step + 1]!);
          step += 2;
        }
      }
    }
    await sys.kill(reader, 9);
    await sys.wait4(reader);
    await sys.close(master);
    seen += utf8Decode(await sys.readAll(r));
    await sys.writeAll(1, `${JSON.stringify(seen)}\nstatus=${WEXITSTATUS(status)}\n`);
    return 0;
  };
}
