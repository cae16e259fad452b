// A login session's standard streams are its terminal, named as on Linux: /proc/PID/fd/0-2 link to
// /dev/pts/N, so `tty` and `ls -l /proc/self/fd` say so (they showed anon_inode:[N]).

import { describe, expect, it } from 'vitest';
import { bootMachine } from '../../src/boot/machine.ts';
import { startSession } from '../../src/boot/session.ts';
import { loadProgram } from '../../src/programs/registry.ts';
import { nodeHost } from '../helpers/kernel.ts';

describe('a login session', () => {
  it('has its terminal as its standard streams', async () => {
    const m = await bootMachine({ host: nodeHost });
    m.kernel.startInit((await loadProgram('init'))!, ['init'], []);
    const session = startSession(m.kernel, m.devices, { cols: 80, rows: 24 });
    let screen = '';
    const done = new Promise<void>((resolve) => {
      session.pty.onOutput((b) => {
        screen += new TextDecoder().decode(b);
        if (screen.includes('END')) resolve();
      });
    });
    session.pty.input(new TextEncoder().encode('tty; readlink /proc/$$/fd/0 /proc/$$/fd/2; echo E""ND\n'));
    await done;
    // The output lines (the echoed command line ends in the line editor's cursor codes).
    const printed = screen.split('\r\n').filter((l) => /^(\/|anon_inode)/.test(l));
    expect(printed).toEqual([session.pty.path, session.pty.path, session.pty.path]);
    expect(session.pty.path).toBe('/dev/pts/0');
  });
});
