// A machine for the file-operation tests (cp, mv, chmod, chgrp...): every registered program in
// /bin, /etc/passwd and /etc/group, a tree built straight through the VFS (so a test does not
// lean on the programs it checks to set itself up), one `sh -c SCRIPT`, and then the VFS again
// to look at what the script left behind.

import { WEXITSTATUS, WIFEXITED, WTERMSIG } from '../../src/abi/signals.ts';
import { installDevices, mountDevices } from '../../src/kernel/dev/install.ts';
import type { FsContext, Vfs } from '../../src/kernel/fs/vfs/vfs.ts';
import { loadEntry, programNames } from '../../src/programs/registry.ts';
import type { Sys } from '../../src/sys/sys.ts';
import { bootKernel, type TestProgram } from '../helpers/kernel.ts';

const PROGRAMS: Record<string, TestProgram> = Object.fromEntries(
  programNames().map((name) => [name, async (sys: Sys) => (await loadEntry(name))!(sys)]),
);

export interface Ran {
  stdout: string;
  stderr: string;
  status: number;
  vfs: Vfs;
  ctx: FsContext;
}

const latin1 = (b: Uint8Array): string => String.fromCharCode(...b);

/** Build with `setup`, run SCRIPT as root in / with umask 022, and hand back the VFS. */
export async function runOnTree(setup: (vfs: Vfs, ctx: FsContext) => Promise<void>, script: string): Promise<Ran> {
  const { runInit, vfs, ctx, kernel } = await bootKernel(PROGRAMS);
  await mountDevices(kernel, ctx, installDevices(kernel));
  await vfs.mkdir(ctx, '/etc', 0o755);
  await vfs.writeFile(ctx, '/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\napache:x:48:48:Apache:/usr/share/httpd:/sbin/nologin\n');
  await vfs.writeFile(ctx, '/etc/group', 'root:x:0:\napache:x:48:\n');
  await setup(vfs, ctx);
  let stdout = '';
  let stderr = '';
  let status = -1;
  await runInit(async (sys: Sys) => {
    for (let i = 0; i < 3; i++) await sys.open('/', 0);
    const [outR, outW] = await sys.pipe();
    const [errR, errW] = await sys.pipe();
    const pid = await sys.fork(async (c) => {
      await c.dup2(outW, 1);
      await c.dup2(errW, 2);
      for (const fd of [outR, outW, errR, errW]) await c.close(fd);
      await c.umask(0o022);
      return c.execve('/bin/sh', ['sh', '-c', script], ['PATH=/bin', 'LANG=C']);
    });
    await sys.close(outW);
    await sys.close(errW);
    const [o, e] = await Promise.all([sys.readAll(outR), sys.readAll(errR)]);
    stdout = latin1(o);
    stderr = latin1(e);
    const [, st] = await sys.wait4(pid);
    status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    return 0;
  });
  return { stdout, stderr, status, vfs, ctx };
}

/** "mode uid:gid" of a name, not following a final symbolic link. */
export async function owner(vfs: Vfs, ctx: FsContext, path: string): Promise<string> {
  const st = await vfs.lstat(ctx, path);
  return `${(st.mode & 0o7777).toString(8).padStart(4, '0')} ${st.uid}:${st.gid}`;
}
