// A bare simulated machine for filesystem benchmarks: a VFS over a root tmpfs with the
// filesystem types registered, on the system clock as the real kernel runs (a manual clock
// would make every timestamp free and flatter the numbers).

import { O_CREAT, O_WRONLY } from '../../src/abi/open-flags.ts';
import { SystemClock } from '../../src/kernel/clock.ts';
import { registerFilesystems } from '../../src/kernel/fs/filesystems.ts';
import { TmpFs } from '../../src/kernel/fs/tmpfs/tmpfs.ts';
import type { FileSystem } from '../../src/kernel/fs/vfs/types.ts';
import { type FsContext, Vfs } from '../../src/kernel/fs/vfs/vfs.ts';

export interface BenchMachine {
  vfs: Vfs;
  ctx: FsContext;
}

/** A machine whose root is `root`, or a fresh tmpfs. */
export async function bootMachine(root?: (vfs: Vfs) => Promise<FileSystem>): Promise<BenchMachine> {
  const clock = new SystemClock();
  const vfs = new Vfs({ clock });
  registerFilesystems(vfs);
  const fs = root ? await root(vfs) : new TmpFs({ dev: vfs.allocDev(), clock, mode: 0o755 });
  const ctx = await vfs.newRootContext(fs, 'rootfs');
  return { vfs, ctx };
}

/** mkdir -p. */
export async function mkdirs(m: BenchMachine, path: string): Promise<void> {
  let at = '';
  for (const part of path.split('/').filter((p) => p.length > 0)) {
    at += `/${part}`;
    try {
      await m.vfs.mkdir(m.ctx, at, 0o755);
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
    }
  }
}

/** What a program's open(O_CREAT|O_WRONLY) + write + close does. */
export async function createFile(m: BenchMachine, path: string, data: Uint8Array): Promise<void> {
  const f = await m.vfs.open(m.ctx, path, O_CREAT | O_WRONLY, 0o644);
  await f.write(data);
  await f.close();
}
