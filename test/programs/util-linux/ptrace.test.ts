// The kernel's ptrace, under strace: a tracee stops at each call's entry and exit until resumed,
// its children are traced with PTRACE_O_TRACEFORK, its signals and exit are reported, and a
// tracer that dies lets its tracees go (or takes them with it, PTRACE_O_EXITKILL).

import { describe, expect, it } from 'vitest';
import { isSysError } from '../../../src/abi/errno.ts';
import {
  PTRACE_DETACH, PTRACE_GETSIGINFO, PTRACE_GET_SYSCALL_INFO, PTRACE_O_EXITKILL, PTRACE_O_TRACEFORK, PTRACE_O_TRACESYSGOOD,
  PTRACE_SEIZE, PTRACE_SETOPTIONS, PTRACE_SYSCALL, PTRACE_TRACEME, WALL, type PtraceSigInfo, type PtraceSyscallInfo,
} from '../../../src/abi/ptrace.ts';
import { SIG, WEXITSTATUS, WIFEXITED, WIFSIGNALED, WIFSTOPPED, WSTOPSIG, WTERMSIG } from '../../../src/abi/signals.ts';
import type { Sys } from '../../../src/sys/sys.ts';
import { bootKernel, until } from '../../helpers/kernel.ts';

const errno = async (p: Promise<unknown>): Promise<string> => p.then(() => 'ok', (e) => (isSysError(e) ? e.code : 'other'));

/** A tracee that asks to be traced, then runs `body` (its calls are what the tracer sees). */
function tracedChild(sys: Sys, body: (c: Sys) => Promise<number>): Promise<number> {
  return sys.fork(async (c) => {
    await c.ptrace(PTRACE_TRACEME);
    return body(c);
  });
}

describe('ptrace', () => {
  it('stops a tracee at each entry and exit; GET_SYSCALL_INFO names the call, its arguments and result', async () => {
    const { runInit } = await bootKernel();
    const seen: string[] = [];
    await runInit(async (sys) => {
      const [r, w] = await sys.pipe();
      const child = await tracedChild(sys, async (c) => {
        await c.getuid();
        await c.write(w, 'x');
        await c.close(99).catch(() => 0);
        return 5;
      });
      for (;;) {
        const [pid, status] = await sys.wait4(-1, WALL);
        expect(pid).toBe(child);
        if (!WIFSTOPPED(status)) {
          seen.push(`exit ${WEXITSTATUS(status)}`);
          break;
        }
        if (seen.length === 0) {
          // Before TRACESYSGOOD a call stops with plain SIGTRAP; after, SIGTRAP|0x80.
          expect(WSTOPSIG(status)).toBe(SIG.SIGTRAP);
          await sys.ptrace(PTRACE_SETOPTIONS, pid, 0, PTRACE_O_TRACESYSGOOD);
        } else expect(WSTOPSIG(status)).toBe(SIG.SIGTRAP | 0x80);
        const info = await sys.ptrace<PtraceSyscallInfo>(PTRACE_GET_SYSCALL_INFO, pid);
        if (info.name === 'write' && info.op === 1) {
          // Stopped at the entry: nothing is written until the tracer lets it go on.
          const [r2] = await sys.wait4(-1, 1 | WALL).catch(() => [0]);
          expect(r2).toBe(0);
          seen.push(`write pending ${(await sys.fstat(r)).size}`);
        }
        const out = info.op === 2 ? ('error' in info && info.error ? ` -> ${info.error}` : ` -> ${JSON.stringify(info.rval)}`) : '';
        seen.push(`${info.op === 1 ? 'enter' : 'leave'} ${info.name}${out}`);
        await sys.ptrace(PTRACE_SYSCALL, pid, 0, 0);
      }
      return 0;
    });
    expect(seen).toEqual([
      'enter getuid', 'leave getuid -> 0',
      'write pending 0', 'enter write', 'leave write -> 1',
      'enter close', 'leave close -> EBADF',
      'exit 5',
    ]);
  });

  it('with PTRACE_O_TRACEFORK traces the children too, and reports their exit to the tracer', async () => {
    const { runInit } = await bootKernel();
    const events: string[] = [];
    await runInit(async (sys) => {
      const child = await tracedChild(sys, async (c) => {
        const grandchild = await c.fork(async (g) => {
          await g.getpid();
          return 7;
        });
        await c.wait4(grandchild);
        return 0;
      });
      let grandchild = 0;
      let first = true;
      for (;;) {
        let pid: number;
        let status: number;
        try {
          [pid, status] = await sys.wait4(-1, WALL);
        } catch (e) {
          if (isSysError(e, 'ECHILD')) break;
          throw e;
        }
        if (first) {
          await sys.ptrace(PTRACE_SETOPTIONS, pid, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK);
          first = false;
        }
        if (pid !== child) grandchild = pid;
        const who = pid === child ? 'child' : 'grandchild';
        if (!WIFSTOPPED(status)) {
          events.push(`${who} exited ${WEXITSTATUS(status)}`);
          continue;
        }
        // The first stop came before TRACESYSGOOD was set: plain SIGTRAP.
        if (WSTOPSIG(status) === (SIG.SIGTRAP | 0x80) || WSTOPSIG(status) === SIG.SIGTRAP) {
          const info = await sys.ptrace<PtraceSyscallInfo>(PTRACE_GET_SYSCALL_INFO, pid);
          if (info.op === 1) events.push(`${who} ${info.name}`);
        } else {
          const si = await sys.ptrace<PtraceSigInfo>(PTRACE_GETSIGINFO, pid);
          events.push(`${who} signal ${si.signo} ${si.code} ${si.pid === grandchild ? 'from grandchild' : si.pid}`);
        }
        await sys.ptrace(PTRACE_SYSCALL, pid, 0, 0).catch(() => 0);
      }
      return 0;
    });
    expect(events).toContain('child clone');
    expect(events).toContain('grandchild getpid');
    // The grandchild is not the tracer's child: its exit comes as a report, before its parent hears.
    expect(events.indexOf('grandchild exited 7')).toBeLessThan(events.indexOf('child signal 17 CLD_EXITED from grandchild'));
    expect(events.at(-1)).toBe('child exited 0');
  });

  it('a signal waits while the tracee is stopped and is reported first; SIGKILL ends the stop at once', async () => {
    const { runInit, kernel } = await bootKernel();
    const events: string[] = [];
    await runInit(async (sys) => {
      const child = await tracedChild(sys, async (c) => {
        await c.getpid();
        await c.getppid();
        return 0;
      });
      let [, status] = await sys.wait4(child, WALL);
      await sys.ptrace(PTRACE_SETOPTIONS, child, 0, PTRACE_O_TRACESYSGOOD);
      // Stopped at getpid's entry: a SIGTERM now must not end the stop.
      await sys.kill(child, SIG.SIGTERM);
      await sys.sleep(5);
      events.push(`state ${kernel.tasks.get(child)?.alive ? 'alive' : 'dead'}`);
      await sys.ptrace(PTRACE_SYSCALL, child, 0, 0);
      [, status] = await sys.wait4(child, WALL);
      events.push(`stop ${WSTOPSIG(status)}`);
      await sys.ptrace(PTRACE_SYSCALL, child, 0, 0);
      [, status] = await sys.wait4(child, WALL);
      events.push(`stop ${WSTOPSIG(status)} ${(await sys.ptrace<PtraceSigInfo>(PTRACE_GETSIGINFO, child)).code}`);
      await sys.ptrace(PTRACE_SYSCALL, child, 0, 0);
      [, status] = await sys.wait4(child, WALL);
      events.push(WIFSIGNALED(status) ? `killed by ${WTERMSIG(status)}` : `status ${status}`);

      const other = await tracedChild(sys, async (c) => {
        await c.getpid();
        return 0;
      });
      [, status] = await sys.wait4(other, WALL);
      await sys.kill(other, SIG.SIGKILL);
      [, status] = await sys.wait4(other, WALL);
      events.push(WIFSIGNALED(status) ? `killed by ${WTERMSIG(status)}` : `status ${status}`);
      return 0;
    });
    expect(events).toEqual([
      'state alive', `stop ${SIG.SIGTRAP | 0x80}`, `stop ${SIG.SIGTERM} SI_USER`, `killed by ${SIG.SIGTERM}`, `killed by ${SIG.SIGKILL}`,
    ]);
  });

  it('a dying tracer lets its tracees go, or kills them with PTRACE_O_EXITKILL', async () => {
    const { runInit, kernel } = await bootKernel();
    const result: string[] = [];
    await runInit(async (sys) => {
      for (const exitkill of [false, true]) {
        const [r, w] = await sys.pipe();
        let tracee = 0;
        const tracer = await sys.fork(async (t) => {
          tracee = await tracedChild(t, async (c) => {
            await c.getpid();
            await c.write(w, 'free');
            return 0;
          });
          await t.wait4(tracee, WALL);
          await t.ptrace(PTRACE_SETOPTIONS, tracee, 0, PTRACE_O_TRACESYSGOOD | (exitkill ? PTRACE_O_EXITKILL : 0));
          return 0;
        });
        await sys.close(w);
        await sys.wait4(tracer);
        const text = new TextDecoder().decode(await sys.read(r, 10));
        await until(sys, () => !kernel.tasks.get(tracee)?.alive);
        result.push(`${exitkill ? 'exitkill' : 'plain'}: ${text || 'nothing'} ${kernel.tasks.get(tracee)?.exitStatus === SIG.SIGKILL ? 'killed' : 'exited'}`);
        await sys.close(r);
      }
      return 0;
    });
    expect(result).toEqual(['plain: free exited', 'exitkill: nothing killed']);
  });

  it('PTRACE_SEIZE: not oneself, not another user\'s process unless privileged; DETACH lets go', async () => {
    const { runInit } = await bootKernel();
    const results: string[] = [];
    await runInit(async (sys) => {
      const [r, w] = await sys.pipe();
      const victim = await sys.fork(async (c) => {
        await c.read(r, 1);
        return 3;
      });
      results.push(await errno(sys.ptrace(PTRACE_SEIZE, await sys.getpid())));
      results.push(await errno(sys.ptrace(PTRACE_SEIZE, 4242)));
      const user = await sys.fork(async (c) => {
        await c.setresuid(1000, 1000, 1000);
        results.push(await errno(c.ptrace(PTRACE_SEIZE, victim)));
        return 0;
      });
      await sys.wait4(user);
      results.push(await errno(sys.ptrace(PTRACE_SEIZE, victim, 0, PTRACE_O_TRACESYSGOOD)));
      results.push(await errno(sys.ptrace(PTRACE_SEIZE, victim)));
      results.push(await errno(sys.ptrace(PTRACE_SYSCALL, victim, 0, 0)));
      results.push(await errno(sys.ptrace(0x1234, victim)));
      results.push(await errno(sys.ptrace(PTRACE_DETACH, victim, 0, 0)));
      await sys.write(w, 'x');
      const [, status] = await sys.wait4(victim);
      results.push(`exit ${WIFEXITED(status) ? WEXITSTATUS(status) : status}`);
      return 0;
    });
    // Attached while blocked in read: nothing stops it until its next call; detached, it just runs.
    expect(results).toEqual(['EPERM', 'ESRCH', 'EPERM', 'ok', 'EPERM', 'ESRCH', 'EIO', 'ok', 'exit 3']);
  });
});
