// A simulated machine that runs one shell script at a time, for benchmarks that time whole
// command lines: one init stays up and forks `sh -c SCRIPT` for each run, so the kernel and its
// caches live across runs, and the time includes every program's start-up as a real run would.

import type { Kernel } from '../../src/kernel/kernel.ts';
import type { FsContext, Vfs } from '../../src/kernel/fs/vfs/vfs.ts';
import { Sys } from '../../src/sys/sys.ts';

export interface ScriptMachine {
  kernel: Kernel;
  /** Run a script with sh -c; stdout goes to /tmp/out. Returns the time and that output. */
  run(script: string): Promise<{ ms: number; out: string }>;
  write(path: string, content: string): Promise<void>;
  mkdirs(paths: string[]): Promise<void>;
}

export function scriptMachine(kernel: Kernel, vfs: Vfs, ctx: FsContext, env = ['PATH=/bin', 'LANG=C']): ScriptMachine {
  let result: { ms: number; out: string } = { ms: 0, out: '' };
  let pending: { script: string; done: () => void } | null = null;
  let wake: (() => void) | null = null;
  kernel.startInit(async (port, args) => {
    const sys = new Sys(port, args);
    for (;;) {
      while (!pending) await new Promise<void>((r) => (wake = r));
      const job = pending;
      pending = null;
      const t0 = performance.now();
      const fd = await sys.open('/tmp/out', 0o1101);
      const pid = await sys.fork(async (c) => {
        await c.dup2(fd, 1);
        return c.execve('/bin/sh', ['sh', '-c', job.script], env);
      });
      await sys.close(fd);
      await sys.wait4(pid);
      const ms = performance.now() - t0;
      result = { ms, out: new TextDecoder().decode(await vfs.readFile(ctx, '/tmp/out')) };
      job.done();
    }
  }, ['init'], env);
  return {
    kernel,
    run: (script) =>
      new Promise((resolve) => {
        pending = { script, done: () => resolve(result) };
        wake?.();
      }),
    write: (path, content) => vfs.writeFile(ctx, path, content),
    mkdirs: async (paths) => {
      for (const p of paths) await vfs.mkdir(ctx, p, 0o755);
    },
  };
}
