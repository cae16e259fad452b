// Benchmark group `shell`: cowbox's sh against the real dash on external commands, against
// just-bash on builtin-heavy work, and the memory a long pipeline needs.

import type { BenchContext } from '../lib/group.ts';
import { BUILTIN, EXTERNAL, cowboxSh, justBash, pipelineGrowth, realDash } from '../shell/workloads.ts';

export const description = 'sh vs dash (2,000 execs), sh vs just-bash (builtins), pipeline memory';

const round = (v: number, digits = 3): number => Math.round(v * 10 ** digits) / 10 ** digits;

export async function run(ctx: BenchContext): Promise<void> {
  ctx.log('2,000 external commands: cowbox sh vs dash');
  await cowboxSh('true'); // warm the JIT once, as dash's binary is already in the page cache
  const ours = await cowboxSh(EXTERNAL);
  const dash = realDash(EXTERNAL);
  if (ours.out !== dash.out) throw new Error(`outputs differ: ${ours.out} vs ${dash.out}`);
  ctx.report({
    name: 'vs_dash_ratio', value: round(ours.ms / dash.ms), unit: 'x', goal: { op: '<=', value: 0.5 },
    detail: `cowbox ${round(ours.ms, 1)} ms vs dash ${round(dash.ms, 1)} ms (one run each)`,
  });

  ctx.log('builtin-heavy script: cowbox sh vs just-bash');
  const mine = await cowboxSh(BUILTIN);
  const theirs = await justBash(BUILTIN);
  if (mine.out !== theirs.out) throw new Error(`outputs differ: ${mine.out} vs ${theirs.out}`);
  ctx.report({
    name: 'vs_justbash_ratio', value: round(mine.ms / theirs.ms), unit: 'x', goal: { op: '<=', value: 1 },
    detail: `cowbox ${round(mine.ms, 1)} ms vs just-bash ${round(theirs.ms, 1)} ms (one run each)`,
  });

  ctx.log('yes | head -n 1000000 | wc -l');
  const small = await pipelineGrowth(10_000);
  const big = await pipelineGrowth(1_000_000);
  if (big.out !== '1000000\n') throw new Error(`pipeline printed ${big.out}`);
  // Bounded by the pipe buffers: a hundred times the data may not need much more memory.
  ctx.report({
    name: 'pipeline_rss_bytes', value: big.growth, unit: 'bytes', goal: { op: '<=', value: 4 * 1024 * 1024 },
    detail: `peak live heap growth for 1,000,000 lines (2 MB through the pipes) vs ${small.growth} bytes for 10,000 lines`,
  });
}
