// Processes: clone, exec from files (#! scripts included), exit statuses, zombies and reaping,
// orphans, pipes between processes, and a program that throws.

import { describe, expect, it } from 'vitest';
import { O_CREAT, O_WRONLY } from '../../src/abi/open-flags.ts';
import { SIG, WEXITSTATUS, WIFEXITED, WIFSIGNALED, WTERMSIG, exitedStatus } from '../../src/abi/signals.ts';
import type { Sys } from '../../src/sys/sys.ts';
import { bootKernel, until } from '../helpers/kernel.ts';
import { errnoOf } from '../helpers/errno.ts';


describe('processes', () => {
  it('clones a child, reaps it, and reports its exit status', async () => {
    const { runInit } = await bootKernel();
    let seen: [number, number] = [0, 0];
    let childPid = 0;
    const status = await runInit(async (sys) => {
      childPid = await sys.fork(async (c) => ((await c.getppid()) === 1 ? 3 : 9));
      seen = await sys.wait4(-1);
      expect(await errnoOf(sys.wait4(-1))).toBe('ECHILD');
      return 0;
    });
    expect(status).toBe(exitedStatus(0));
    expect(seen[0]).toBe(childPid);
    expect(WIFEXITED(seen[1]) && WEXITSTATUS(seen[1])).toBe(3);
  });

  it('execs a program file and passes argv and the environment', async () => {
    const { runInit } = await bootKernel({
      hello: async (sys) => {
        await sys.writeAll(1, `${sys.argv.join(' ')} ${sys.getenv('GREETING')}\n`);
        return 0;
      },
    });
    let out = '';
    await runInit(async (sys) => {
      // Hold descriptors 0-2 so the pipe's ends land above them, as in a real process.
      for (let i = 0; i < 3; i++) await sys.open('/tmp', 0);
      const [r, w] = await sys.pipe();
      await sys.fork(async (c) => {
        await c.dup2(w, 1);
        await c.close(r);
        await c.close(w);
        await c.execve('/bin/hello', ['hello', 'world'], ['GREETING=hi']);
        return 99;
      });
      await sys.close(w);
      out = await sys.readText(r);
      await sys.wait4(-1);
      return 0;
    });
    expect(out).toBe('hello world hi\n');
  });

  it('runs none of the old program after a successful execve, not even its finally blocks', async () => {
    const log: string[] = [];
    const { runInit } = await bootKernel({
      next: async () => {
        log.push('new image runs');
        return 4;
      },
    });
    let status = 0;
    await runInit(async (sys) => {
      await sys.fork(async (c) => {
        try {
          return await c.execve('/bin/next', ['next']);
        } finally {
          // Unreachable on Linux; here the call gets the exec's unwind back and does nothing.
          await c.writeAll(1, 'old image still running');
          log.push('finally ran its calls');
        }
      });
      status = (await sys.wait4(-1))[1];
      return 0;
    });
    expect(log).toEqual(['new image runs']);
    expect(WEXITSTATUS(status)).toBe(4);
  });

  it('runs #! scripts through their interpreter with Linux argv order', async () => {
    let argv: string[] = [];
    const { runInit, vfs, ctx } = await bootKernel({
      interp: async (sys) => {
        argv = sys.argv;
        return 0;
      },
    });
    await vfs.writeFile(ctx, '/bin/script', '#!/bin/interp -x\necho hi\n');
    await vfs.chmod(ctx, '/bin/script', 0o755);
    await runInit(async (sys) => {
      await sys.fork(async (c) => c.execve('/bin/script', ['script', 'arg1']));
      await sys.wait4(-1);
      return 0;
    });
    expect(argv).toEqual(['/bin/interp', '-x', '/bin/script', 'arg1']);
  });

  it('fails exec with ENOENT, EACCES and ENOEXEC as Linux does', async () => {
    const { runInit, vfs, ctx } = await bootKernel();
    await vfs.writeFile(ctx, '/bin/noexec', 'data');
    await vfs.writeFile(ctx, '/bin/junk', 'not a program');
    await vfs.chmod(ctx, '/bin/junk', 0o755);
    const codes: string[] = [];
    await runInit(async (sys) => {
      codes.push(await errnoOf(sys.execve('/bin/missing', ['x'])));
      codes.push(await errnoOf(sys.execve('/bin/noexec', ['x'])));
      codes.push(await errnoOf(sys.execve('/bin', ['x'])));
      codes.push(await errnoOf(sys.execve('/bin/junk', ['x'])));
      return 0;
    });
    expect(codes).toEqual(['ENOENT', 'EACCES', 'EACCES', 'ENOEXEC']);
  });

  it('keeps a zombie until its parent reaps it and hands orphans to init', async () => {
    const { runInit, kernel } = await bootKernel();
    let orphanParent = 0;
    await runInit(async (sys) => {
      const [r, w] = await sys.pipe();
      const middle = await sys.fork(async (m) => {
        await m.fork(async (o) => {
          await o.read(r, 1);
          orphanParent = await o.getppid();
          return 0;
        });
        return 0;
      });
      // The middle process exits; it stays a zombie until we wait for it.
      await until(sys, () => kernel.findTask(kernel.tasks.get(1)!, middle)?.state === 'Z');
      expect((await sys.wait4(middle))[0]).toBe(middle);
      await sys.write(w, 'go');
      await sys.wait4(-1);
      return 0;
    });
    expect(orphanParent).toBe(1);
  });

  it('streams through a pipe with backpressure, then end of file', async () => {
    const { runInit } = await bootKernel();
    let total = 0;
    await runInit(async (sys) => {
      const [r, w] = await sys.pipe();
      await sys.fork(async (c) => {
        await c.close(r);
        const block = new Uint8Array(10_000).fill(7);
        for (let i = 0; i < 100; i++) await c.writeAll(w, block);
        return 0;
      });
      await sys.close(w);
      total = (await sys.readAll(r)).length;
      await sys.wait4(-1);
      return 0;
    });
    expect(total).toBe(1_000_000);
  });

  it('kills a writer to a pipe nobody reads with SIGPIPE', async () => {
    const { runInit } = await bootKernel();
    let status = 0;
    await runInit(async (sys) => {
      const [r, w] = await sys.pipe();
      await sys.close(r);
      await sys.fork(async (c) => {
        await c.write(w, 'x');
        return 0;
      });
      status = (await sys.wait4(-1))[1];
      return 0;
    });
    expect(WIFSIGNALED(status) && WTERMSIG(status)).toBe(SIG.SIGPIPE);
  });

  it('turns a program that throws into a process killed like a segfault, with a message', async () => {
    const { runInit, vfs, ctx } = await bootKernel();
    let status = 0;
    await runInit(async (sys) => {
      await sys.fork(async (c) => {
        const fd = await c.open('/tmp/err', O_CREAT | O_WRONLY);
        await c.dup2(fd, 2);
        throw new TypeError('boom');
      });
      status = (await sys.wait4(-1))[1];
      return 0;
    });
    expect(WTERMSIG(status)).toBe(SIG.SIGSEGV);
    expect(new TextDecoder().decode(await vfs.readFile(ctx, '/tmp/err'))).toContain('TypeError: boom');
  });
});

export type { Sys };
