// Shared setup for the procfs tests: a kernel from test/helpers/kernel.ts (which registers
// 'proc' at boot, its factory learning the mounting task from the mount request) and a /proc
// directory, plus small readers used from programs.

import { O_RDONLY } from '../../src/abi/open-flags.ts';
import type { Sys } from '../../src/sys/sys.ts';
import { bootKernel, type TestProgram } from '../helpers/kernel.ts';

export async function bootWithProc(programs: Record<string, TestProgram> = {}) {
  const booted = await bootKernel(programs);
  await booted.vfs.mkdir(booted.ctx, '/proc', 0o555);
  return booted;
}

/** Boot, mount /proc, run `body` as init; what it throws fails the test. */
export async function withProc(body: (sys: Sys) => Promise<void>, programs: Record<string, TestProgram> = {}): Promise<void> {
  const { runInit } = await bootWithProc(programs);
  let failure: unknown = null;
  await runInit(async (sys) => {
    try {
      await sys.mount('proc', '/proc', 'proc');
      await body(sys);
    } catch (e) {
      failure = e;
    }
    return 0;
  });
  if (failure) throw failure;
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

export { errnoOf } from '../helpers/errno.ts';

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
