// Benchmark group `kernel`: what a simulated process costs next to a real one, how fast bytes
// move through a pipe, and how a terminal keeps answering while a fork bomb runs.

import type { BenchContext } from '../lib/group.ts';
import { measure } from '../lib/timing.ts';
import { nodeSpawnSide, pipeSide, spawnExitSide } from '../kernel/workloads.ts';
import { ttyRoundTrip } from '../kernel/tty-latency.ts';

export const description = 'process spawn/exit/reap rate vs real processes, pipe throughput';

const round = (v: number, digits = 1): number => Math.round(v * 10 ** digits) / 10 ** digits;

export async function run(ctx: BenchContext): Promise<void> {
  ctx.log('10,000 simulated processes spawned, exited and reaped');
  const sim = await measure(spawnExitSide(10_000), { warmup: 1, rounds: 5 });
  const simPerS = 1e9 / sim.medianNs;
  ctx.report({ name: 'spawn_exit_per_s', value: Math.round(simPerS), unit: '/s', detail: `${round(sim.medianNs / 1000, 2)} µs per process (median of 5 runs)` });

  ctx.log("200 real processes: Node's child_process.spawn('true')");
  const real = await measure(nodeSpawnSide(200), { warmup: 1, rounds: 3 });
  const realPerS = 1e9 / real.medianNs;
  ctx.report({
    name: 'vs_node_child_ratio', value: round(simPerS / realPerS), unit: 'x', goal: { op: '>=', value: 100 },
    detail: `simulated ${Math.round(simPerS)}/s vs real ${Math.round(realPerS)}/s (${round(real.medianNs / 1e6, 2)} ms per real process)`,
  });

  ctx.log('64 MiB through a pipe between two processes');
  const pipe = await measure(pipeSide(64), { warmup: 1, rounds: 5 });
  ctx.report({ name: 'pipe_mb_per_s', value: round(1e9 / pipe.medianNs), unit: 'MiB/s', detail: `${round(pipe.medianNs / 1e6, 2)} ms per MiB` });

  ctx.log('tty round trip: idle, then beside a fork bomb held at pids.max=1000');
  const idle = await ttyRoundTrip(50, false);
  const loaded = await ttyRoundTrip(50, true);
  ctx.report({
    name: 'forkbomb_echo_latency_ratio', value: round(loaded.medianMs / idle.medianMs, 2), unit: 'x', goal: { op: '<=', value: 3 },
    detail: `${round(loaded.medianMs, 3)} ms with ${loaded.processes} processes running vs ${round(idle.medianMs, 3)} ms idle (medians of 50 lines)`,
  });
}
