// Shell workloads for the `shell` benchmark group: the same scripts run by cowbox's sh on a
// simulated kernel, by the real dash on this machine, and by just-bash; and a long pipeline
// whose memory must stay bounded by the pipe buffers.

import { spawnSync } from 'node:child_process';
import { Bash } from 'just-bash';
import { SysError } from '../../src/abi/errno.ts';
import sh from '../../src/programs/sh.ts';
import type { Sys } from '../../src/sys/sys.ts';
import { bootKernel } from '../../test/helpers/kernel.ts';
import { collectGarbage } from '../lib/timing.ts';

/** 2,000 external commands: /bin/true found by path, so every one is a fork and an exec. */
export const EXTERNAL = 'i=0; while [ $i -lt 2000 ]; do /bin/true; i=$((i+1)); done; echo $i';

/** Builtins only: loops, parameter expansions, arithmetic, a function, case. */
export const BUILTIN = [
  'f() { r=$(( $1 * 3 % 7 )); }',
  'i=0; s=0; while [ $i -lt 3000 ]; do',
  '  f $i; s=$((s + r)); x="pre${i}post"; y=${x#pre}; y=${y%post}',
  '  case $y in *5) s=$((s+1));; esac; i=$((i+1))',
  'done; echo $s $y',
].join('\n');

/** Run `script` with cowbox's sh on a fresh simulated kernel; its stdout and the time taken. */
export async function cowboxSh(script: string, programs: Record<string, (sys: Sys) => Promise<number>> = {}): Promise<{ ms: number; out: string }> {
  const { runInit, vfs, ctx } = await bootKernel({ sh, true: async () => 0, ...programs });
  const t0 = performance.now();
  await runInit(async (sys) => {
    const fd = await sys.open('/tmp/out', 0o1101);
    const pid = await sys.fork(async (c) => {
      await c.dup2(fd, 1);
      return c.execve('/bin/sh', ['sh', '-c', script]);
    });
    await sys.wait4(pid);
    return 0;
  });
  const ms = performance.now() - t0;
  return { ms, out: new TextDecoder().decode(await vfs.readFile(ctx, '/tmp/out')) };
}

export function realDash(script: string): { ms: number; out: string } {
  const t0 = performance.now();
  const r = spawnSync('dash', ['-c', script], { encoding: 'utf8' });
  return { ms: performance.now() - t0, out: r.stdout };
}

export async function justBash(script: string): Promise<{ ms: number; out: string }> {
  const bash = new Bash({ executionLimits: { maxCommandCount: 10_000_000, maxLoopIterations: 10_000_000 } });
  const t0 = performance.now();
  const r = await bash.exec(script);
  return { ms: performance.now() - t0, out: r.stdout };
}

// ---- yes | head -n N | wc -l, with the three programs written for the benchmark ------------

const encoder = new TextEncoder();

async function yes(sys: Sys): Promise<number> {
  const block = encoder.encode('y\n'.repeat(4096));
  try {
    for (;;) await sys.writeAll(1, block);
  } catch (e) {
    if (e instanceof SysError && e.code === 'EPIPE') return 0;
    throw e;
  }
}

async function head(sys: Sys): Promise<number> {
  let left = Number(sys.argv[2]);
  while (left > 0) {
    const chunk = await sys.read(0, 65536);
    if (chunk.length === 0) break;
    let end = 0;
    while (end < chunk.length && left > 0) if (chunk[end++] === 10) left--;
    await sys.writeAll(1, chunk.subarray(0, end));
  }
  return 0;
}

async function wc(sys: Sys): Promise<number> {
  let lines = 0;
  for (let c = await sys.read(0, 65536); c.length > 0; c = await sys.read(0, 65536)) for (const b of c) if (b === 10) lines++;
  await sys.writeAll(1, `${lines}\n`);
  return 0;
}

/**
 * Live heap growth while the pipeline runs: every 20 ms a full collection, then the heap's size,
 * so what is counted is what the pipeline holds, not garbage waiting for the collector.
 */
export async function pipelineGrowth(lines: number): Promise<{ growth: number; out: string }> {
  collectGarbage();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sampler = setInterval(() => {
    collectGarbage();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 20);
  const { out } = await cowboxSh(`yes | head -n ${lines} | wc -l`, { yes, head, wc });
  clearInterval(sampler);
  return { growth: peak - base, out };
}
