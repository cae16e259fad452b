// Signals: default actions and exit statuses, handlers, masks, EINTR for a handled signal and
// restart otherwise, stop/continue as wait4 reports them, and the init-of-a-namespace rules.

import { describe, expect, it } from 'vitest';
import { isSysError } from '../../src/abi/errno.ts';
import { CONTINUED_STATUS, SIG, WIFSTOPPED, WSTOPSIG, WTERMSIG, exitedStatus, shellStatus } from '../../src/abi/signals.ts';
import { CLONE_NEWPID, CLONE_NEWUTS } from '../../src/kernel/syscalls/sys-proc.ts';
import { bootKernel, until } from '../helpers/kernel.ts';

const WUNTRACED = 2;
const WCONTINUED = 8;

describe('signals', () => {
  it('ends a process with 128+N as a shell reports it', async () => {
    const { runInit } = await bootKernel();
    const statuses: number[] = [];
    await runInit(async (sys) => {
      for (const sig of [SIG.SIGTERM, SIG.SIGKILL, SIG.SIGINT, SIG.SIGHUP]) {
        const [r, w] = await sys.pipe();
        const pid = await sys.fork(async (c) => {
          await c.read(r, 1);
          return 0;
        });
        await sys.sleep(1);
        await sys.kill(pid, sig);
        statuses.push(shellStatus((await sys.wait4(pid))[1]));
        await sys.close(r);
        await sys.close(w);
      }
      return 0;
    });
    expect(statuses).toEqual([143, 137, 130, 129]);
  });

  it('runs a handler, and a blocked call then fails with EINTR', async () => {
    const { runInit, kernel } = await bootKernel();
    const log: string[] = [];
    await runInit(async (sys) => {
      const [r] = await sys.pipe();
      const pid = await sys.fork(async (c) => {
        await c.sigaction(SIG.SIGUSR1, () => {
          log.push('handler');
        });
        try {
          await c.read(r, 1);
          log.push('read returned');
        } catch (e) {
          if (!isSysError(e)) throw e;
          log.push(e.code);
        }
        return 0;
      });
      // Signal it once it is asleep in the read, not before.
      await until(sys, () => kernel.tasks.get(pid)?.state === 'S');
      await sys.kill(pid, SIG.SIGUSR1);
      await sys.wait4(pid);
      return 0;
    });
    expect(log).toEqual(['handler', 'EINTR']);
  });

  it('holds a blocked signal until it is unblocked; ignores ignored ones', async () => {
    const { runInit } = await bootKernel();
    const log: string[] = [];
    await runInit(async (sys) => {
      await sys.sigaction(SIG.SIGUSR1, () => {
        log.push('usr1');
      });
      await sys.sigaction(SIG.SIGTERM, 'ignore');
      await sys.sigprocmask('block', [SIG.SIGUSR1]);
      await sys.kill(await sys.getpid(), SIG.SIGUSR1);
      await sys.kill(await sys.getpid(), SIG.SIGTERM);
      log.push('still blocked');
      await sys.sigprocmask('unblock', [SIG.SIGUSR1]);
      log.push('after unblock');
      return 0;
    });
    expect(log).toEqual(['still blocked', 'usr1', 'after unblock']);
  });

  it('stops and continues a process, and wait4 reports both', async () => {
    const { runInit } = await bootKernel();
    const reports: number[] = [];
    await runInit(async (sys) => {
      const pid = await sys.fork(async (c) => {
        for (let i = 0; i < 20; i++) await c.sleep(1);
        return 5;
      });
      await sys.kill(pid, SIG.SIGSTOP);
      reports.push((await sys.wait4(pid, WUNTRACED))[1]);
      await sys.kill(pid, SIG.SIGCONT);
      reports.push((await sys.wait4(pid, WCONTINUED))[1]);
      reports.push((await sys.wait4(pid))[1]);
      return 0;
    });
    expect(WIFSTOPPED(reports[0]!) && WSTOPSIG(reports[0]!)).toBe(SIG.SIGSTOP);
    expect(reports.slice(1)).toEqual([CONTINUED_STATUS, exitedStatus(5)]);
  });
});

describe('PID namespaces', () => {
  it('numbers processes from 1 inside and keeps host numbers outside', async () => {
    const { runInit, kernel } = await bootKernel();
    const inside: number[] = [];
    const hostNrs: number[] = [];
    let hostPid = 0;
    // The grandchild's kernel-wide PID: the one task whose namespace-level number is 2.
    const hostPidOf = async (_c: unknown) => [...kernel.tasks.values()].find((t) => t.nrs.length === 2 && t.nrs[1] === 2)!.pid;
    await runInit(async (sys) => {
      hostPid = await sys.clone(CLONE_NEWPID, async (nsInit) => {
        inside.push(await nsInit.getpid(), await nsInit.getppid());
        const child = await nsInit.fork(async (c) => {
          inside.push(await c.getpid(), await c.getppid());
          hostNrs.push(...kernel.tasks.get(await hostPidOf(c))!.nrs);
          return 0;
        });
        await nsInit.wait4(child);
        return 0;
      });
      await sys.wait4(hostPid);
      return 0;
    });
    expect(inside).toEqual([1, 0, 2, 1]);
    expect(hostPid).toBeGreaterThan(1);
    // NSpid: the host number first, then the number inside.
    expect(hostNrs).toEqual([hostPid + 1, 2]);
  });

  it("drops signals its init does not handle when they come from inside, even SIGKILL", async () => {
    const { runInit } = await bootKernel();
    let status = 0;
    await runInit(async (sys) => {
      const nsInit = await sys.clone(CLONE_NEWPID, async (init) => {
        await init.kill(1, SIG.SIGKILL);
        await init.kill(1, SIG.SIGTERM);
        return 7;
      });
      status = (await sys.wait4(nsInit))[1];
      return 0;
    });
    expect(status).toBe(exitedStatus(7));
  });

  it('lets SIGKILL from the parent namespace through, but not SIGTERM', async () => {
    const { runInit } = await bootKernel();
    let status = 0;
    await runInit(async (sys) => {
      const [r] = await sys.pipe();
      const nsInit = await sys.clone(CLONE_NEWPID, async (init) => {
        await init.read(r, 1);
        return 0;
      });
      await sys.sleep(1);
      await sys.kill(nsInit, SIG.SIGTERM);
      await sys.sleep(1);
      await sys.kill(nsInit, SIG.SIGKILL);
      status = (await sys.wait4(nsInit))[1];
      return 0;
    });
    expect(WTERMSIG(status)).toBe(SIG.SIGKILL);
  });

  it('kills every process in the namespace when its init exits', async () => {
    const { runInit } = await bootKernel();
    let grandchild = 0;
    await runInit(async (sys) => {
      const [r] = await sys.pipe();
      const nsInit = await sys.clone(CLONE_NEWPID, async (init) => {
        await init.fork(async (c) => {
          await c.read(r, 1);
          return 0;
        });
        return 0;
      });
      await sys.wait4(nsInit);
      // The orphaned reader was killed and handed to us (the next reaper up) to reap.
      grandchild = (await sys.wait4(-1))[1];
      return 0;
    });
    expect(WTERMSIG(grandchild)).toBe(SIG.SIGKILL);
  });

  it('gives a UTS namespace its own hostname', async () => {
    const { runInit } = await bootKernel();
    const names: string[] = [];
    await runInit(async (sys) => {
      const pid = await sys.clone(CLONE_NEWUTS, async (c) => {
        await c.sethostname('c0ffee123456');
        names.push((await c.uname()).nodename);
        return 0;
      });
      await sys.wait4(pid);
      names.push((await sys.uname()).nodename);
      return 0;
    });
    expect(names).toEqual(['c0ffee123456', 'cowbox']);
  });
});
