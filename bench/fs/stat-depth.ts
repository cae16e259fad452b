// stat() of a file that lives in the bottom layer of a deep overlay, against the same in a
// one-layer overlay. Every layer has the file's directories (as image layers all carry /usr),
// so each directory on the path merges the whole stack and a cold lookup would visit every
// layer; a program calling stat in a loop must not pay for that each time.

import type { Side } from '../lib/timing.ts';
import { type BenchMachine, bootMachine, createFile, mkdirs } from './machine.ts';

export const STAT_PATH = '/merged/usr/lib/x/file';
const DIRS = 'usr/lib/x';

/** A machine with an overlay of `layers` lowers (and a tmpfs upper) mounted on /merged. */
export async function deepOverlay(layers: number): Promise<BenchMachine & { lowerdir: string }> {
  const m = await bootMachine();
  const small = new Uint8Array(16);
  const lowers: string[] = [];
  for (let i = 0; i < layers; i++) {
    const root = `/layers/${i}`;
    await mkdirs(m, `${root}/${DIRS}`);
    await createFile(m, `${root}/${DIRS}/only-in-${i}`, small);
    await createFile(m, `${root}/usr/marker-${i}`, small);
    lowers.push(root);
  }
  await createFile(m, `/layers/${layers - 1}/${DIRS}/file`, small);
  for (const d of ['/upper', '/work', '/merged']) await mkdirs(m, d);
  const lowerdir = lowers.join(':');
  await m.vfs.mount(m.ctx, 'overlay', '/merged', 'overlay', `lowerdir=${lowerdir},upperdir=/upper,workdir=/work`);
  return { ...m, lowerdir };
}

/** `loops` stats of the path per run. */
export function statLoop(m: BenchMachine, loops: number): Side<void> {
  return {
    ops: loops,
    run: async () => {
      for (let i = 0; i < loops; i++) await m.vfs.stat(m.ctx, STAT_PATH);
    },
  };
}

let mounts = 0;

/**
 * The first stat after a fresh mount of the same layers (nothing cached): for the record, since
 * a cold lookup must visit every layer on Linux too. The mount (with its own empty upper and
 * work dirs, as an upper serves one overlay only) is made untimed, and stays.
 */
export function coldStat(m: BenchMachine & { lowerdir: string }): Side<string> {
  return {
    setup: async () => {
      const at = `/cold-${mounts++}`;
      for (const d of [at, `${at}-upper`, `${at}-work`]) await m.vfs.mkdir(m.ctx, d, 0o755);
      await m.vfs.mount(m.ctx, 'overlay', at, 'overlay', `lowerdir=${m.lowerdir},upperdir=${at}-upper,workdir=${at}-work`);
      return `${at}/usr/lib/x/file`;
    },
    run: async (path) => {
      await m.vfs.stat(m.ctx, path);
    },
  };
}
