// Shared setup for the procfs tests: a kernel from test/helpers/kernel.ts with 'proc' registered
// (as the lead wires it at boot) and a /proc directory, and small readers used from programs.
//
// procfs shows the PID namespace of the task that mounts it, which the factory learns from the
// mount request's `caller`. Until Vfs.mount puts the mounting context's caller on the request
// (one line, asked for in the procfs report), bootWithProc passes it along itself: it notes the
// caller of each Vfs.mount call and hands it to the factory when the request lacks one.

import { O_RDONLY } from '../../src/abi/open-flags.ts';
import { isSysError } from '../../src/abi/errno.ts';
import { createProcFsFactory } from '../../src/kernel/fs/procfs/proc-fs.ts';
import type { FsMountRequest } from '../../src/kernel/fs/vfs/vfs.ts';
import type { Sys } from '../../src/sys/sys.ts';
import { bootKernel, type TestProgram } from '../helpers/kernel.ts';

export async function bootWithProc(programs: Record<string, TestProgram> = {}) {
  const booted = await bootKernel(programs);
  const { vfs, kernel } = booted;
  const factory = createProcFsFactory(kernel);
  let mounting: unknown;
  const mount = vfs.mount.bind(vfs);
  vfs.mount = async (ctx, ...rest) => {
    mounting = ctx.caller;
    try {
      return await mount(ctx, ...rest);
    } finally {
      mounting = undefined;
    }
  };
  vfs.registerFsType('proc', (req: FsMountRequest & { caller?: unknown }) => factory({ ...req, caller: req.caller ?? mounting } as FsMountRequest));
  await vfs.mkdir(booted.ctx, '/proc', 0o555);
  return booted;
}

/** A whole file as a program reads it: open, read to the end, close. */
export async function readText(sys: Sys, path: string): Promise<string> {
  const fd = await sys.open(path, O_RDONLY);
  try {
    return await sys.readText(fd);
  } finally {
    await sys.close(fd);
  }
}

/** Write a string with one write(2), as `printf > file` does. */
export async function writeText(sys: Sys, path: string, text: string, flags = 1): Promise<number> {
  const fd = await sys.open(path, flags);
  try {
    return await sys.write(fd, text);
  } finally {
    await sys.close(fd);
  }
}

/** The errno name a call fails with, or 'ok'. */
export async function errnoOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (isSysError(e)) return e.code;
    throw e;
  }
}

/** Poll (with real-time naps) until `check` holds; programs have no other way to wait for a sibling. */
export async function until(sys: Sys, check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await sys.sleep(1);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The names in a directory, in getdents order. */
export async function listDir(sys: Sys, path: string): Promise<string[]> {
  const fd = await sys.open(path, O_RDONLY);
  try {
    return (await sys.getdents(fd)).map((e) => e.name);
  } finally {
    await sys.close(fd);
  }
}
