// Runs the shell on a simulated kernel the way the conformance recordings ran dash: `sh -c
// SCRIPT sh` in a fresh empty directory with a clean environment, umask 022, stdin at end of
// file; returns stdout, stderr (as latin1 byte strings) and the exit status.

import { O_CREAT, O_WRONLY } from '../../src/abi/open-flags.ts';
import { WEXITSTATUS, WIFEXITED, WTERMSIG } from '../../src/abi/signals.ts';
import { installDevices, mountDevices } from '../../src/kernel/dev/install.ts';
import { loadEntry, programNames } from '../../src/programs/registry.ts';

import type { KernelEvent } from '../../src/kernel/events.ts';
import type { Sys } from '../../src/sys/sys.ts';
import { bootKernel, type TestProgram } from '../helpers/kernel.ts';

/** Every program the registry has, installed in /bin as on a booted machine and loaded on first use. */
const PROGRAMS: Record<string, TestProgram> = Object.fromEntries(
  programNames().map((name) => [name, async (sys: Sys) => (await loadEntry(name))!(sys)]),
);

export const CASE_DIR = '/tmp/sh-case';

export interface ShResult {
  stdout: string;
  stderr: string;
  status: number;
  /** With RunOptions.trace: every system call the machine made, in order. */
  calls?: Array<Extract<KernelEvent, { type: 'sys.call' }>>;
}

const latin1 = (b: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
};

export interface RunOptions {
  env?: string[];
  /** argv after `sh` (default: ['-c', script, 'sh']). */
  args?: string[];
  stdin?: string;
  programs?: Record<string, TestProgram>;
  /** Files to create before running, path -> content. */
  files?: Record<string, string>;
  /** Permission bits for some of those files. */
  modes?: Record<string, number>;
  /** Record every system call (ShResult.calls). */
  trace?: boolean;
}

export async function runSh(script: string, opts: RunOptions = {}): Promise<ShResult> {
  const { runInit, vfs, ctx, kernel, events } = await bootKernel({ ...PROGRAMS, ...(opts.programs ?? {}) });
  // What a booted machine has that these scripts touch: /dev/null, /etc/passwd, root's home.
  await mountDevices(kernel, ctx, installDevices(kernel));
  await vfs.mkdir(ctx, '/etc', 0o755);
  await vfs.writeFile(ctx, '/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\n');
  await vfs.writeFile(ctx, '/etc/group', 'root:x:0:\n');
  await vfs.mkdir(ctx, '/root', 0o700);
  await vfs.mkdir(ctx, CASE_DIR, 0o755);
  for (const [path, content] of Object.entries(opts.files ?? {})) await vfs.writeFile(ctx, path, content);
  for (const [path, mode] of Object.entries(opts.modes ?? {})) await vfs.chmod(ctx, path, mode);
  const env = opts.env ?? ['PATH=/usr/bin:/bin', 'HOME=/root', 'LANG=C'];
  const args = opts.args ?? ['-c', script, 'sh'];
  let stdout = '';
  let stderr = '';
  let status = -1;
  kernel.tracing = opts.trace ?? false;
  await runInit(async (sys: Sys) => {
    // Hold 0-2 so the pipes land above them.
    for (let i = 0; i < 3; i++) await sys.open('/tmp', 0);
    const [inR, inW] = await sys.pipe();
    const [outR, outW] = await sys.pipe();
    const [errR, errW] = await sys.pipe();
    const pid = await sys.fork(async (c) => {
      await c.dup2(inR, 0);
      await c.dup2(outW, 1);
      await c.dup2(errW, 2);
      for (const fd of [inR, inW, outR, outW, errR, errW]) await c.close(fd);
      await c.chdir(CASE_DIR);
      await c.umask(0o022);
      return c.execve('/bin/sh', ['sh', ...args], env);
    });
    await sys.close(inR);
    await sys.close(outW);
    await sys.close(errW);
    const feed = (async () => {
      if (opts.stdin) {
        try {
          await sys.writeAll(inW, opts.stdin);
        } catch {
          // The shell may exit without reading everything.
        }
      }
      await sys.close(inW);
    })();
    const [o, e] = await Promise.all([sys.readAll(outR), sys.readAll(errR), feed]);
    stdout = latin1(o);
    stderr = latin1(e);
    for (;;) {
      const [p, st] = await sys.wait4(-1);
      if (p === pid) {
        status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        break;
      }
    }
    return 0;
  });
  if (!opts.trace) return { stdout, stderr, status };
  return { stdout, stderr, status, calls: events.filter((e) => e.type === 'sys.call') };
}

export { O_CREAT, O_WRONLY };
