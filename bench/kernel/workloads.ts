// Kernel workloads for the `kernel` benchmark group: processes spawned, exited and reaped in a
// loop; the same count of real processes through Node's child_process; bytes through a pipe
// between two simulated processes.

import { spawn } from 'node:child_process';
import type { Side } from '../lib/timing.ts';
import { bootKernel } from '../../test/helpers/kernel.ts';

/** `count` simulated processes, each forked, exiting at once and reaped, one after another. */
export function spawnExitSide(count: number): Side<void> {
  return {
    ops: count,
    run: async () => {
      const { runInit } = await bootKernel();
      await runInit(async (sys) => {
        for (let i = 0; i < count; i++) {
          await sys.fork(async () => 0);
          await sys.wait4(-1);
        }
        return 0;
      });
    },
  };
}

/** `count` real `true` processes through Node, one after another. */
export function nodeSpawnSide(count: number): Side<void> {
  return {
    ops: count,
    run: async () => {
      for (let i = 0; i < count; i++) {
        await new Promise<void>((resolve, reject) => {
          const p = spawn('true');
          p.on('error', reject);
          p.on('exit', () => resolve());
        });
      }
    },
  };
}

/** `megabytes` MiB written by one process in 64 KiB writes and read by another. */
export function pipeSide(megabytes: number): Side<void> {
  return {
    ops: megabytes,
    run: async () => {
      const { runInit } = await bootKernel();
      await runInit(async (sys) => {
        const [r, w] = await sys.pipe();
        const block = new Uint8Array(65536).fill(1);
        await sys.fork(async (c) => {
          await c.close(r);
          for (let i = 0; i < megabytes * 16; i++) await c.writeAll(w, block);
          return 0;
        });
        await sys.close(w);
        let total = 0;
        for (let chunk = await sys.read(r, 65536); chunk.length > 0; chunk = await sys.read(r, 65536)) total += chunk.length;
        await sys.wait4(-1);
        if (total !== megabytes << 20) throw new Error(`pipe carried ${total} bytes`);
        return 0;
      });
    },
  };
}
