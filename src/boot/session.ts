// A terminal session started by the host (the page's xterm, the Node terminal): a new pty, and
// under init a session leader that owns it as its controlling terminal and runs a login shell
// (or the command asked for) in root's home. The host types with pty.input() and shows
// pty.onOutput; `exited` resolves with the leader's wait status.

import { isSysError, strerror } from '../abi/errno.ts';
import type { ProgramMain } from '../abi/program.ts';
import type { Devices } from '../kernel/dev/install.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Pty } from '../kernel/tty/pty.ts';
import { Sys } from '../sys/sys.ts';

export interface SessionOptions {
  cols: number;
  rows: number;
  /** argv of what runs; a login shell when absent. */
  command?: string[];
  env?: string[];
}

export interface Session {
  pty: Pty;
  /** Kernel-wide PID of the session leader. */
  pid: number;
  exited: Promise<number>;
}

export const LOGIN_ENV = ['HOME=/root', 'USER=root', 'LOGNAME=root', 'SHELL=/bin/sh', 'TERM=xterm-256color', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'LANG=C.UTF-8'];

/** The leader's program: go home and exec the command, saying why if it cannot. */
function leaderMain(command: string[], env: string[]): ProgramMain {
  return async (port, args) => {
    const sys = new Sys(port, args);
    try {
      await sys.chdir('/root');
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    try {
      return await sys.execve(command[0]!, command, env);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await sys.writeAll(2, `cowbox: cannot run ${command[0]}: ${strerror(e.code)}\r\n`);
      return e.code === 'ENOENT' ? 127 : 126;
    }
  };
}

export function startSession(kernel: Kernel, devices: Devices, opts: SessionOptions): Session {
  const init = kernel.tasks.get(1);
  if (!init) throw new Error('the machine has no init');
  const pty = devices.terminals.createPty({ cols: opts.cols, rows: opts.rows });
  const command = opts.command ?? ['/bin/sh', '-l'];
  const leader = kernel.spawnChild(init, leaderMain(command, opts.env ?? LOGIN_ENV));
  // setsid() before the leader runs, so it starts owning its terminal.
  leader.sid = leader.pgid = leader.pid;
  devices.terminals.attachTask(leader, pty);
  const exited = new Promise<number>((resolve) => {
    const sub = kernel.bus.onEvent((e) => {
      if (e.type === 'proc.exit' && e.pid === leader.pid) {
        sub.dispose();
        resolve(e.status);
      }
    });
  });
  return { pty, pid: leader.pid, exited };
}
