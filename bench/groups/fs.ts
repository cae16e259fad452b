// Benchmark group `fs`: how filesystem costs scale (overlay depth, directory size), how cowbox
// compares with other in-browser filesystems on one create-read-stat workload, and what an
// overlay copy-up of a big file stores. Ratios compare two workloads timed in the same run.

import type { BenchContext } from '../lib/group.ts';
import { type Comparison, compare, comparisonData, describeComparison, formatNs } from '../lib/timing.ts';
import { copyUpCost } from '../fs/copy-up-bytes.ts';
import { createMany } from '../fs/create-many.ts';
import { bootMachine, mkdirs } from '../fs/machine.ts';
import { coldStat, deepOverlay, STAT_PATH, statLoop } from '../fs/stat-depth.ts';
import { treeSide, WORKLOAD_FILES } from '../fs/tree-workload.ts';

export const description = 'overlay depth, directory size, cowbox vs zenfs / just-bash, copy-up storage';

function ratioFigure(ctx: BenchContext, name: string, c: Comparison, aName: string, bName: string, per: string, goal?: { op: '<' | '<='; value: number }): void {
  ctx.report({
    name, value: round3(c.ratio), unit: 'x', ...(goal ? { goal } : {}),
    detail: describeComparison(c, aName, bName, per), data: comparisonData(c),
  });
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

async function statDepth(ctx: BenchContext): Promise<void> {
  ctx.log(`stat ${STAT_PATH}: 128-layer vs 1-layer overlay`);
  const deep = await deepOverlay(128);
  const flat = await deepOverlay(1);
  const c = await compare(statLoop(deep, 2000), statLoop(flat, 2000), { warmup: 3, rounds: 15 });
  ratioFigure(ctx, 'stat_depth_ratio', c, '128 layers', '1 layer', 'stat', { op: '<=', value: 1.5 });
  const cold = await compare(coldStat(deep), coldStat(flat), { warmup: 2, rounds: 15 });
  ratioFigure(ctx, 'stat_depth_cold_ratio', cold, '128 layers', '1 layer', 'first stat after mount');
}

async function createRatio(ctx: BenchContext, name: string, parent: string, overlay: boolean, goal?: { op: '<='; value: number }): Promise<void> {
  const m = await bootMachine();
  if (overlay) {
    for (const d of ['/lower/etc', '/upper', '/work', '/merged']) await mkdirs(m, d);
    await m.vfs.mount(m.ctx, 'overlay', '/merged', 'overlay', 'lowerdir=/lower,upperdir=/upper,workdir=/work');
  } else {
    await mkdirs(m, parent);
  }
  ctx.log(`create 10,000 files in one directory vs 1,000 in each of 10, under ${parent}${overlay ? ' (overlay upper)' : ' (root tmpfs)'}`);
  const c = await compare(createMany(m, parent, 10_000), createMany(m, parent, 1_000, 10), { warmup: 2, rounds: 7, maxRounds: 11, budgetMs: 8_000 });
  ratioFigure(ctx, name, c, '10k', '1k', 'file', goal);
}

async function versus(ctx: BenchContext, name: string, other: 'zenfsCow' | 'zenfsPlain' | 'justBash', mine: 'cowboxOverlay' | 'cowboxTmpfs', label: string, goal?: { op: '<'; value: number }): Promise<void> {
  ctx.log(`${WORKLOAD_FILES}-file create/read/stat: cowbox ${mine} vs ${label}`);
  const c = await compare(treeSide(mine), treeSide(other), { warmup: 1, rounds: 5, maxRounds: 9, budgetMs: 5_000 });
  ratioFigure(ctx, name, c, `cowbox (${mine})`, label, 'file', goal);
}

async function copyUp(ctx: BenchContext): Promise<void> {
  ctx.log('chmod of a 64 MiB lower file on one diskfs: new physical bytes');
  const r = await copyUpCost();
  ctx.report({
    name: 'copyup_64m_new_bytes', value: r.newBytes, unit: 'bytes', goal: { op: '<=', value: 65536 },
    detail: `physicalBytes ${r.physicalBefore} before, ${r.physicalBefore + r.newBytes} after; chmod took ${formatNs(r.chmodNs)}`,
    data: { physical_before: r.physicalBefore, chmod_ns: r.chmodNs },
  });
  ctx.report({ name: 'copyup_64m_charged', value: r.chargedBytes, unit: 'bytes', goal: { op: '==', value: 67108864 }, detail: 'st_size of the copied-up upper file' });
}

export async function run(ctx: BenchContext): Promise<void> {
  await statDepth(ctx);
  await createRatio(ctx, 'create_10k_ratio', '/bench', false, { op: '<=', value: 1.5 });
  await createRatio(ctx, 'create_10k_ratio_overlay', '/merged/etc', true);
  await versus(ctx, 'vs_zenfs_ratio', 'zenfsCow', 'cowboxOverlay', 'zenfs CopyOnWrite(InMemory, InMemory)', { op: '<', value: 1 });
  await versus(ctx, 'vs_zenfs_plain_ratio', 'zenfsPlain', 'cowboxOverlay', 'zenfs InMemory');
  // Like with like: zenfs's copy-on-write layer against our overlay, just-bash's flat in-memory
  // filesystem against our flat in-memory filesystem (tmpfs); the overlay figure is shown beside it.
  await versus(ctx, 'vs_justbash_ratio', 'justBash', 'cowboxTmpfs', 'just-bash InMemoryFs', { op: '<', value: 1 });
  await versus(ctx, 'vs_justbash_overlay_ratio', 'justBash', 'cowboxOverlay', 'just-bash InMemoryFs');
  await copyUp(ctx);
}
