// The terminal inside a running kernel: a program reads lines from its tty; ^C, ^\ and ^Z reach
// the foreground process group and nobody else; a resize sends SIGWINCH; a background reader is
// stopped with SIGTTIN (EIO when it ignores it); a session leader claims its terminal with
// TIOCSCTTY, and its exit hangs the foreground group up. The job-control scenarios are the ones
// fixtures/record-job-control.py ran on Linux, and expect what it recorded (job-control.json).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SIG, WEXITSTATUS, WIFSIGNALED, WIFSTOPPED, WSTOPSIG, WTERMSIG, shellStatus,
} from '../../src/abi/signals.ts';
import { ECHO, ICANON, TIOCGPTN, VMIN, VTIME } from '../../src/abi/termios.ts';
import type { Sys } from '../../src/sys/sys.ts';
import { bootTerminal } from './boot-terminal.ts';
import { errnoOf as codeOf } from '../helpers/errno.ts';

const WNOHANG = 1;
const WUNTRACED = 2;

const linux = JSON.parse(readFileSync(new URL('./fixtures/job-control.json', import.meta.url), 'utf8'));

/** A wait status as the recorder writes it. */
function statusOf(st: number): Record<string, number> {
  if (WIFSIGNALED(st)) return { signaled: WTERMSIG(st) };
  if (WIFSTOPPED(st)) return { stopped: WSTOPSIG(st) };
  return { exited: WEXITSTATUS(st) };
}


/** A login: a new session whose leader takes the terminal on fd 0, as getty does. */
async function login(sys: Sys, body: (sh: Sys) => Promise<number>): Promise<number> {
  const pid = await sys.fork(async (sh) => {
    await sh.setsid();
    await sh.setControllingTty(0);
    // As an interactive shell does, so that taking the terminal back never stops it.
    await sh.sigaction(SIG.SIGTTOU, 'ignore');
    return body(sh);
  });
  return (await sys.wait4(pid))[1];
}

/**
 * Start a job in its own process group in the foreground, as a shell does: parent and child
 * both set the group and the terminal's foreground (the child with SIGTTOU blocked), so the
 * job runs only once it is in the foreground.
 */
async function foreground(sh: Sys, job: (c: Sys) => Promise<number>): Promise<number> {
  const pid = await sh.fork(async (c) => {
    await c.setpgid(0, 0);
    await c.sigprocmask('block', [SIG.SIGTTOU]);
    await c.tcsetpgrp(0, await c.getpid());
    await c.sigprocmask('unblock', [SIG.SIGTTOU]);
    await c.sigaction(SIG.SIGTTOU, 'default');
    return job(c);
  });
  await sh.setpgid(pid, pid);
  await sh.tcsetpgrp(0, pid);
  return pid;
}

describe('a program and its terminal', () => {
  it('reads a line typed at the terminal, with echo and ONLCR', async () => {
    const t = await bootTerminal();
    let line = '';
    const done = t.run(async (sys) => {
      await sys.write(1, 'name? ');
      line = new TextDecoder().decode(await sys.read(0, 100));
      await sys.write(1, `hello ${line.trim()}\n`);
      return 0;
    });
    await t.waitFor('name? ');
    t.pty.input('ab\x7fc\r');
    expect(await done).toBe(0);
    expect(line).toBe('ac\n');
    expect(t.screen()).toBe('name? ab\b \bc\r\nhello ac\r\n');
  });

  it('reads end of file at ^D on an empty line, and a partial line without newline', async () => {
    const t = await bootTerminal();
    const reads: string[] = [];
    const done = t.run(async (sys) => {
      await sys.write(1, '>');
      for (let i = 0; i < 2; i++) reads.push(new TextDecoder().decode(await sys.read(0, 100)));
      return 0;
    });
    await t.waitFor('>');
    t.pty.input('ab\x04');
    t.pty.input('\x04');
    await done;
    expect(reads).toEqual(['ab', '']);
  });

  it('keeps typed input when a signal interrupts the read', async () => {
    const t = await bootTerminal();
    const log: string[] = [];
    const done = t.run(async (sys) => {
      await sys.sigaction(SIG.SIGUSR1, () => {
        log.push('usr1');
      });
      await sys.write(1, 'ready\n');
      log.push(await codeOf(sys.read(0, 100)));
      log.push(new TextDecoder().decode(await sys.read(0, 100)));
      return 0;
    });
    await t.waitFor('ready');
    await t.asleep(1);
    t.pty.input('par');
    t.kernel.signal(t.kernel.tasks.get(1)!, SIG.SIGUSR1, null);
    await t.asleep(1);
    t.pty.input('tial\r');
    await done;
    expect(log).toEqual(['usr1', 'EINTR', 'partial\n']);
  });

  it('is a tty to isatty and tcgetattr; pipes and /dev/null are not', async () => {
    const t = await bootTerminal();
    const seen: unknown[] = [];
    await t.run(async (sys) => {
      const [r] = await sys.pipe();
      const nul = await sys.open('/dev/null', 2);
      seen.push(await sys.isatty(0), await sys.isatty(r), await sys.isatty(nul));
      seen.push(await codeOf(sys.tcgetattr(nul)), await codeOf(sys.ioctl(0, 0x1234)));
      const tio = await sys.tcgetattr(0);
      seen.push(tio.lflag.toString(16), tio.iflag.toString(16), tio.oflag.toString(16), tio.cflag.toString(16));
      seen.push(await sys.getWinsize(0));
      return 0;
    });
    // A new pty's settings (recorded: 8a3b 500 5 bf), plus iutf8 that a UTF-8 login has.
    expect(seen).toEqual([true, false, false, 'ENOTTY', 'ENOTTY', '8a3b', '4500', '5', 'bf', { row: 24, col: 80, xpixel: 0, ypixel: 0 }]);
  });

  it('reads byte by byte without echo in raw mode, and VMIN=0 VTIME=0 does not wait', async () => {
    const t = await bootTerminal();
    const got: string[] = [];
    const done = t.run(async (sys) => {
      const tio = await sys.tcgetattr(0);
      tio.lflag &= ~(ICANON | ECHO);
      tio.cc[VMIN] = 0;
      tio.cc[VTIME] = 0;
      await sys.tcsetattr(0, 0, tio);
      got.push(new TextDecoder().decode(await sys.read(0, 10)));
      await sys.write(1, 'raw\n');
      tio.cc[VMIN] = 3;
      await sys.tcsetattr(0, 0, tio);
      got.push(new TextDecoder().decode(await sys.read(0, 10)));
      return 0;
    });
    await t.waitFor('raw');
    t.pty.input('x');
    t.pty.input('yz');
    await done;
    expect(got).toEqual(['', 'xyz']);
    expect(t.screen()).toBe('raw\r\n');
  });
});

describe('signals from the keyboard', () => {
  for (const [key, name] of [['\x03', 'intr'], ['\x1c', 'quit'], ['\x1a', 'susp']] as const) {
    it(`${JSON.stringify(key)} reaches the foreground job and spares another process group (${name})`, async () => {
      const t = await bootTerminal();
      const result: Record<string, unknown> = {};
      const done = t.run(async (sys) => {
        await login(sys, async (sh) => {
          const [r, w] = await sh.pipe();
          const bystander = await sh.fork(async (c) => {
            await c.read(r, 1);
            return 7;
          });
          const job = await foreground(sh, async (c) => {
            await c.write(1, 'waiting\n');
            await c.read(0, 10);
            return 0;
          });
          const [, st] = await sh.wait4(job, WUNTRACED);
          result.job = statusOf(st);
          result.bystander_running = (await sh.wait4(bystander, WNOHANG))[0] === 0;
          if (WIFSTOPPED(st)) {
            await sh.kill(job, SIG.SIGKILL);
            await sh.wait4(job);
          }
          await sh.write(w, 'x');
          result.bystander = statusOf((await sh.wait4(bystander))[1]);
          return 0;
        });
        return 0;
      }, { ctty: false });
      await t.waitFor('waiting');
      t.pty.input(key);
      await done;
      result.echo = t.screen().split('waiting\r\n')[1];
      expect(result).toEqual(linux[name]);
    });
  }

  it('^C ends the job as a shell reports it: status 130', async () => {
    const t = await bootTerminal();
    let status = -1;
    const done = t.run(async (sys) => {
      await login(sys, async (sh) => {
        const job = await foreground(sh, async (c) => {
          await c.write(1, 'waiting\n');
          await c.read(0, 10);
          return 0;
        });
        status = (await sh.wait4(job))[1];
        return 0;
      });
      return 0;
    }, { ctty: false });
    await t.waitFor('waiting');
    t.pty.input('\x03');
    await done;
    expect(shellStatus(status)).toBe(130);
  });

  it('a job stopped by ^Z goes on reading after SIGCONT', async () => {
    const t = await bootTerminal();
    const report: unknown[] = [];
    const done = t.run(async (sys) => {
      await login(sys, async (sh) => {
        const job = await foreground(sh, async (c) => {
          await c.write(1, 'waiting\n');
          const got = new TextDecoder().decode(await c.read(0, 10));
          return got === 'again\n' ? 3 : 4;
        });
        report.push(statusOf((await sh.wait4(job, WUNTRACED))[1]));
        await sh.tcsetpgrp(0, await sh.getpgid(0));
        await sh.write(1, 'stopped\n');
        await sh.tcsetpgrp(0, job);
        await sh.kill(-job, SIG.SIGCONT);
        await sh.write(1, 'continued\n');
        report.push(statusOf((await sh.wait4(job))[1]));
        return 0;
      });
      return 0;
    }, { ctty: false });
    await t.waitFor('waiting');
    t.pty.input('\x1a');
    await t.waitFor('continued');
    t.pty.input('again\r');
    await done;
    expect(report).toEqual([{ stopped: SIG.SIGTSTP }, { exited: 3 }]);
    expect(t.screen()).toContain('^Zstopped');
  });

  it('a resize sends SIGWINCH to the foreground job, which reads the new size', async () => {
    const t = await bootTerminal();
    const done = t.run(async (sys) => {
      await login(sys, async (sh) => {
        const job = await foreground(sh, async (c) => {
          let winch = 0;
          await c.sigaction(SIG.SIGWINCH, () => {
            winch++;
          });
          await c.write(1, 'waiting\n');
          const r = await codeOf(c.read(0, 10));
          const ws = await c.getWinsize(0);
          await c.write(1, `${r} winch=${winch} ${ws.col}x${ws.row}\n`);
          return 0;
        });
        await sh.wait4(job);
        return 0;
      });
      return 0;
    }, { ctty: false });
    await t.waitFor('waiting');
    await t.idle();
    t.pty.resize(100, 40);
    await done;
    expect(t.screen()).toContain(`${linux.resize.line}\r\n`);
  });
});

describe('job control', () => {
  it('stops a background reader with SIGTTIN; once in the foreground its read goes on', async () => {
    const t = await bootTerminal();
    const report: unknown[] = [];
    const done = t.run(async (sys) => {
      await login(sys, async (sh) => {
        const bg = await sh.fork(async (c) => {
          await c.setpgid(0, 0);
          const got = new TextDecoder().decode(await c.read(0, 10));
          await c.write(1, `bg got ${got}`);
          return 0;
        });
        await sh.setpgid(bg, bg);
        const [, st] = await sh.wait4(bg, WUNTRACED);
        report.push(statusOf(st));
        await sh.tcsetpgrp(0, bg);
        await sh.kill(-bg, SIG.SIGCONT);
        await sh.write(1, 'fg now\n');
        report.push((await sh.wait4(bg))[1]);
        return 0;
      });
      return 0;
    }, { ctty: false });
    await t.waitFor('fg now');
    t.pty.input('hi\r');
    await done;
    expect(report).toEqual([linux.background.bg, 0]);
    expect(t.screen()).toContain('bg got hi\r\n');
  });

  it('gives EIO to a background reader that ignores SIGTTIN, and to an orphaned group', async () => {
    const t = await bootTerminal();
    const codes: string[] = [];
    await t.run(async (sys) => {
      await login(sys, async (sh) => {
        const bg = await sh.fork(async (c) => {
          await c.setpgid(0, 0);
          await c.sigaction(SIG.SIGTTIN, 'ignore');
          codes.push(await codeOf(c.read(0, 10)));
          return 0;
        });
        await sh.wait4(bg);
        // A group whose members' parents are all outside the session (here: init) is orphaned.
        const [r, w] = await sh.pipe();
        const middle = await sh.fork(async (c) => {
          await c.fork(async (g) => {
            await g.setpgid(0, 0);
            while ((await g.getppid()) !== 1) await g.sleep(1);
            codes.push(await codeOf(g.read(0, 10)));
            await g.write(w, 'x');
            return 0;
          });
          return 0;
        });
        await sh.wait4(middle);
        await sh.read(r, 1);
        return 0;
      });
      return 0;
    }, { ctty: false });
    expect(codes).toEqual([linux.background.ignoring, linux.background.orphaned]);
  });

  it('lets only a session leader without a terminal claim one, and only the session set its group', async () => {
    const t = await bootTerminal();
    const codes: unknown[] = [];
    await t.run(async (sys) => {
      codes.push(await codeOf(sys.tcgetpgrp(0)));
      await login(sys, async (sh) => {
        codes.push((await sh.tcgetpgrp(0)) === (await sh.getpid()), (await sh.tcgetsid(0)) === (await sh.getpid()));
        codes.push(await codeOf(sh.setControllingTty(0)));
        codes.push(await codeOf(sh.tcsetpgrp(0, 9999)));
        const child = await sh.fork(async (c) => {
          codes.push(await codeOf(c.setControllingTty(0)));
          await c.setsid();
          codes.push(await codeOf(c.setControllingTty(0)), await codeOf(c.tcsetpgrp(0, await c.getpid())));
          return 0;
        });
        await sh.wait4(child);
        return 0;
      });
      // The login's session ended with its leader: the terminal is free again.
      codes.push(await codeOf(sys.setControllingTty(0)), await sys.tcgetpgrp(0));
      return 0;
    }, { ctty: false });
    const c = linux.ctty;
    expect(codes).toEqual([
      c.tcgetpgrp_not_ours, c.pgrp_is_leader, c.sid_is_leader, c.sctty_again, c.tcsetpgrp_no_such_group, ...c.child, 'ok', 1,
    ]);
  });

  it('lets root steal a terminal from another session with TIOCSCTTY 1', async () => {
    const t = await bootTerminal();
    const codes: unknown[] = [];
    await t.run(async (sys) => {
      const pid = await sys.fork(async (c) => {
        await c.setsid();
        codes.push(await codeOf(c.setControllingTty(0)), await codeOf(c.setControllingTty(0, true)));
        codes.push((await c.tcgetsid(0)) === (await c.getpid()));
        return 0;
      });
      await sys.wait4(pid);
      codes.push(await codeOf(sys.tcgetpgrp(0)));
      return 0;
    });
    expect(codes).toEqual(['EPERM', 'ok', true, 'ENOTTY']);
  });

  it('hangs up the foreground group when the session leader exits', async () => {
    const t = await bootTerminal();
    let status = -1;
    await t.run(async (sys) => {
      const [r] = await sys.pipe();
      const leader = await sys.fork(async (sh) => {
        await sh.setsid();
        await sh.setControllingTty(0);
        await foreground(sh, async (c) => {
          await c.read(r, 1);
          return 0;
        });
        return 0;
      });
      await sys.wait4(leader);
      // The job is init's now; it dies of the hangup.
      status = (await sys.wait4(-1))[1];
      return 0;
    }, { ctty: false });
    expect(statusOf(status)).toEqual(linux.hangup.job);
  });
});

describe('hangups', () => {
  it('closing the host terminal sends SIGHUP to the session leader and ends its reads', async () => {
    const t = await bootTerminal();
    let status = -1;
    const done = t.run(async (sys) => {
      status = await login(sys, async (sh) => {
        await sh.write(1, 'reading\n');
        await sh.read(0, 10);
        return 0;
      });
      return 0;
    }, { ctty: false });
    await t.waitFor('reading');
    t.pty.close();
    await done;
    expect(statusOf(status)).toEqual({ signaled: SIG.SIGHUP });
    expect(t.devices.terminals.ptys()).toEqual([]);
  });

  it('tells procfs the controlling terminal, its number and foreground group', async () => {
    const t = await bootTerminal();
    const info: unknown[] = [];
    await t.run(async (sys) => {
      const init = t.kernel.tasks.get(1)!;
      info.push(t.devices.terminals.ttyOf(init));
      await login(sys, async (sh) => {
        const me = t.kernel.tasks.get(await sh.getpid())!;
        info.push(t.devices.terminals.ttyOf(me));
        // /proc/self/stat's tty_nr and tpgid fields (7 and 8), which ps reads for TTY and TPGID.
        await sh.mkdir('/proc');
        await sh.mount('proc', '/proc', 'proc');
        const stat = new TextDecoder().decode(await sh.readAll(await sh.open('/proc/self/stat', 0)));
        info.push(stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(4, 6));
        return 0;
      });
      return 0;
    }, { ctty: false });
    expect(info).toEqual([null, { nr: (136 << 8) | 0, name: 'pts/0', tpgid: 2 }, [String(136 << 8), '2']]);
  });
});

describe('pseudo-terminals opened by programs', () => {
  it('opens /dev/ptmx, unlocks and opens the slave, and relays both ways', async () => {
    const t = await bootTerminal();
    const seen: unknown[] = [];
    await t.run(async (sys) => {
      const m = await sys.posixOpenpt(2);
      const name = await sys.ptsname(m);
      seen.push(name, await sys.ioctl(m, TIOCGPTN));
      seen.push(await codeOf(sys.open(name, 2)));
      await sys.unlockpt(m);
      const s = await sys.open(name, 2 | 0o400);
      const st = await sys.stat(name);
      seen.push((st.mode & 0o7777).toString(8), st.gid, st.rdev >> 8);
      await sys.write(m, 'hi\r');
      seen.push(new TextDecoder().decode(await sys.read(s, 100)));
      await sys.write(s, 'out\n');
      seen.push(new TextDecoder().decode(await sys.read(m, 100)));
      await sys.close(s);
      seen.push(await codeOf(sys.read(m, 100)));
      await sys.close(m);
      seen.push(await codeOf(sys.stat(name)));
      return 0;
    });
    expect(seen).toEqual([
      '/dev/pts/1', 1, linux.pty.open_locked_slave, '620', 5, 136, 'hi\n', 'hi\r\nout\r\n', linux.pty.master_read_after_slave_close, 'ENOENT',
    ]);
  });

  it('hangs the slave up when the master closes: end of file to reads, EIO to writes', async () => {
    const t = await bootTerminal();
    const seen: unknown[] = [];
    await t.run(async (sys) => {
      const m = await sys.posixOpenpt(2);
      await sys.unlockpt(m);
      const s = await sys.open(await sys.ptsname(m), 2 | 0o400);
      await sys.close(m);
      seen.push((await sys.read(s, 10)).length, await codeOf(sys.write(s, 'x')));
      return 0;
    });
    expect(seen).toEqual([linux.pty.slave_read_after_master_close, linux.pty.slave_write_after_master_close]);
  });
});

describe('the host terminal', () => {
  it('holds output until the host listens, and drops input past the backlog', async () => {
    const t = await bootTerminal();
    const other = t.devices.terminals.createPty();
    expect(other.index).toBe(1);
    const fd = other.openSlave();
    await fd.write(new TextEncoder().encode('early\n'));
    let got = '';
    other.onOutput((b) => (got += new TextDecoder().decode(b)));
    expect(got).toBe('early\r\n');
    // Raw mode: the line discipline holds 4095 bytes, the backlog 64 KiB more; the rest is dropped.
    const tio = other.tty.termios;
    tio.lflag &= ~(ICANON | ECHO);
    other.tty.setTermios(tio);
    expect(other.input(new Uint8Array(70000))).toBe(65536);
    let total = 0;
    for (;;) {
      const b = await fd.read(100000, undefined);
      total += b.length;
      if (other.tty.readable === 0) break;
    }
    expect(total).toBe(65536);
    await fd.close();
    other.close();
  });
});
