// Resource limits (prlimit64, and getrlimit/setrlimit over it): Linux's rules for changing them,
// inheritance across fork, and the three the kernel enforces: RLIMIT_NOFILE (no descriptor at or
// past the soft limit: EMFILE), RLIMIT_NPROC (a user at the limit cannot fork: EAGAIN) and
// RLIMIT_FSIZE (no byte of a regular file at or past it: SIGXFSZ and EFBIG; the shell's side is
// recorded in test/conformance/shell/cases/ulimit-fsize.sh).

import { describe, expect, it } from 'vitest';
import { isSysError } from '../../src/abi/errno.ts';
import { O_CREAT, O_RDWR } from '../../src/abi/open-flags.ts';
import { RLIMIT } from '../../src/abi/rlimit.ts';
import { SIG, WIFSIGNALED, WTERMSIG } from '../../src/abi/signals.ts';
import { inKernel } from '../helpers/kernel.ts';

/** The errno name a call fails with, or 'ok'. */
async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'ok';
  } catch (e) {
    if (!isSysError(e)) throw e;
    return e.code;
  }
}

describe('resource limits', () => {
  it('follow setrlimit\'s rules: soft within hard, only privilege raises hard, nr_open caps files', async () => {
    await inKernel(async (sys) => {
      expect(await sys.getrlimit(RLIMIT.NOFILE)).toEqual({ soft: 1024, hard: 1024 });
      expect(await outcome(() => sys.setrlimit(RLIMIT.NOFILE, { soft: 20, hard: 10 }))).toBe('EINVAL');
      expect(await outcome(() => sys.setrlimit(99, { soft: 1, hard: 1 }))).toBe('EINVAL');
      expect(await outcome(() => sys.setrlimit(RLIMIT.NOFILE, { soft: 10, hard: 2_000_000 }))).toBe('EPERM');
      // Root may raise a hard limit; anyone may lower one, and then cannot raise it again.
      await sys.setrlimit(RLIMIT.NOFILE, { soft: 100, hard: 4096 });
      const child = await sys.fork(async (c) => {
        const inherited = await c.getrlimit(RLIMIT.NOFILE);
        await c.setresuid(1000, 1000, 1000);
        await c.setrlimit(RLIMIT.NOFILE, { soft: 50, hard: 60 });
        const raise = await outcome(() => c.setrlimit(RLIMIT.NOFILE, { soft: 50, hard: 70 }));
        return inherited.soft === 100 && inherited.hard === 4096 && raise === 'EPERM' ? 0 : 1;
      });
      const [, status] = await sys.wait4(child);
      expect(status).toBe(0);
      // The parent's own limits did not change with the child's.
      expect(await sys.getrlimit(RLIMIT.NOFILE)).toEqual({ soft: 100, hard: 4096 });
      expect(await outcome(() => sys.prlimit(12345, RLIMIT.NOFILE))).toBe('ESRCH');
    });
  });

  it('refuse a descriptor at or past the soft RLIMIT_NOFILE', async () => {
    await inKernel(async (sys) => {
      for (let i = 0; i < 3; i++) await sys.open('/tmp', 0);
      await sys.setrlimit(RLIMIT.NOFILE, { soft: 5, hard: 5 });
      await sys.open('/tmp', 0);
      await sys.open('/tmp', 0);
      expect(await outcome(() => sys.open('/tmp', 0))).toBe('EMFILE');
      expect(await outcome(() => sys.dup2(0, 5))).toBe('EBADF');
    });
  });

  it('stop a user at RLIMIT_NPROC from forking, but not root', async () => {
    await inKernel(async (sys) => {
      const child = await sys.fork(async (c) => {
        await c.setresuid(1000, 1000, 1000);
        await c.setrlimit(RLIMIT.NPROC, { soft: 1, hard: 1 });
        // This process is the user's one: another is refused.
        return (await outcome(() => c.fork(async () => 0))) === 'EAGAIN' ? 0 : 1;
      });
      const [, status] = await sys.wait4(child);
      expect(status).toBe(0);
      await sys.setrlimit(RLIMIT.NPROC, { soft: 1, hard: 1 });
      const rootChild = await sys.fork(async () => 0);
      expect((await sys.wait4(rootChild))[0]).toBe(rootChild);
    });
  });

  it('RLIMIT_FSIZE cuts pwrite short at the limit, then SIGXFSZ and EFBIG; ftruncate past it too', async () => {
    await inKernel(async (sys) => {
      const fd = await sys.open('/tmp/f', O_CREAT | O_RDWR, 0o644);
      await sys.setrlimit(RLIMIT.FSIZE, { soft: 1000, hard: Infinity });
      // Ignored, SIGXFSZ leaves the calls to fail with EFBIG.
      await sys.sigaction(SIG.SIGXFSZ, 'ignore');
      expect(await sys.pwrite(fd, new Uint8Array(100), 950)).toBe(50);
      expect(await outcome(() => sys.pwrite(fd, new Uint8Array(1), 1000))).toBe('EFBIG');
      expect(await sys.pwrite(fd, new Uint8Array(0), 5000)).toBe(0);
      expect(await outcome(() => sys.ftruncate(fd, 1001))).toBe('EFBIG');
      await sys.ftruncate(fd, 1000);
      expect((await sys.fstat(fd)).size).toBe(1000);
      // By default the signal ends the writer.
      const child = await sys.fork(async (c) => {
        await c.sigaction(SIG.SIGXFSZ, 'default');
        await c.pwrite(fd, new Uint8Array(1), 1000);
        return 0;
      });
      const [, status] = await sys.wait4(child);
      expect(WIFSIGNALED(status) && WTERMSIG(status)).toBe(SIG.SIGXFSZ);
    });
  });
});
