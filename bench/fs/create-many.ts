// Creating many files in one directory, as a program does: open(O_CREAT|O_WRONLY), write a few
// bytes, close. Each run gets fresh directories and removes them afterwards (untimed), so every
// sample starts from the same tree and memory does not pile up between rounds. A run may fill
// several directories, so that the two sides of a ratio do the same number of creations per
// sample (same garbage, same sample length) and differ only in how full one directory gets.

import type { Side } from '../lib/timing.ts';
import { type BenchMachine, createFile } from './machine.ts';

const PAYLOAD = new TextEncoder().encode('hello, world\n');

let serial = 0;

/** `dirs` new directories under `parent`, `perDir` files created in each; times are per file. */
export function createMany(m: BenchMachine, parent: string, perDir: number, dirs = 1): Side<string[]> {
  return {
    ops: perDir * dirs,
    setup: async () => {
      const made: string[] = [];
      for (let d = 0; d < dirs; d++) {
        const dir = `${parent}/run-${perDir}-${serial++}`;
        await m.vfs.mkdir(m.ctx, dir, 0o755);
        made.push(dir);
      }
      return made;
    },
    run: async (made) => {
      for (const dir of made) {
        for (let i = 0; i < perDir; i++) await createFile(m, `${dir}/file-${i}`, PAYLOAD);
      }
    },
    teardown: async (made) => {
      for (const dir of made) {
        for (let i = 0; i < perDir; i++) await m.vfs.unlink(m.ctx, `${dir}/file-${i}`);
        await m.vfs.rmdir(m.ctx, dir);
      }
    },
  };
}
