// Benchmark group `docker`: the seed image built cold and again from the cache, how many
// `docker run --rm alpine true` a second, and the heap each running container costs when a
// thousand containers of one image share its layers.

import v8 from 'node:v8';
import vm from 'node:vm';
import type { BenchContext } from '../lib/group.ts';
import { dockerMachine, heapAfterGc, writeSeedContext } from '../docker/workloads.ts';

export const description = 'seed image build cold and cached, docker run --rm rate, heap per running container';

const round = (v: number, digits = 3): number => Math.round(v * 10 ** digits) / 10 ** digits;

function exposeGc(): void {
  if ((globalThis as { gc?: unknown }).gc) return;
  v8.setFlagsFromString('--expose-gc');
  (globalThis as { gc?: unknown }).gc = vm.runInNewContext('gc');
}

async function must(m: Awaited<ReturnType<typeof dockerMachine>>, script: string): Promise<{ ms: number; out: string }> {
  const r = await m.run(`${script} 2>&1; echo "exit=$?"`);
  if (!r.out.trimEnd().endsWith('exit=0')) throw new Error(`${script} failed:\n${r.out}`);
  return r;
}

export async function run(ctx: BenchContext): Promise<void> {
  exposeGc();
  const m = await dockerMachine();
  await writeSeedContext(m);
  await must(m, 'docker pull -q registry.access.redhat.com/ubi8/ubi:8.1 && docker pull -q alpine');
  ctx.log('seed Dockerfile, base image already pulled, empty build cache');
  const cold = await must(m, 'docker build -q -t seed /root/seed');
  const cached = await must(m, 'docker build -q -t seed /root/seed');
  ctx.report({ name: 'seed_build_cold_ms', value: Math.round(cold.ms), unit: 'ms', detail: 'docker build of the seed image, every step run' });
  ctx.report({
    name: 'seed_build_cached_ratio', value: round(cached.ms / cold.ms), unit: 'x', goal: { op: '<=', value: 0.05 },
    detail: `cached rebuild ${Math.round(cached.ms)} ms over cold ${Math.round(cold.ms)} ms`,
  });

  const runs = 50;
  await must(m, 'docker run --rm alpine true');
  const loop = await must(m, `i=0; while [ $i -lt ${runs} ]; do docker run --rm alpine true || exit 1; i=$((i+1)); done`);
  ctx.report({ name: 'run_rm_true_per_s', value: round((runs * 1000) / loop.ms, 1), unit: '/s', detail: `${runs} runs in ${Math.round(loop.ms)} ms` });

  const count = Number(process.env.COWBOX_BENCH_CONTAINERS ?? 1000);
  ctx.log(`${count} containers of alpine running sleep`);
  await must(m, 'docker run -d alpine sleep 100000 >/dev/null');
  const before = heapAfterGc();
  await must(m, `i=1; while [ $i -lt ${count} ]; do docker run -d alpine sleep 100000 >/dev/null || exit 1; i=$((i+1)); done`);
  const running = (await must(m, 'docker ps -q | wc -l')).out.split('\n')[0]!.trim();
  if (Number(running) !== count) throw new Error(`expected ${count} running containers, docker ps shows ${running}`);
  const after = heapAfterGc();
  const per = (after - before) / (count - 1);
  ctx.report({
    name: 'containers_1000_heap_per_container_bytes', value: Math.round(per), unit: 'B', goal: { op: '<=', value: 65536 },
    detail: `heap ${round(before / 2 ** 20, 1)} MiB with one container, ${round(after / 2 ** 20, 1)} MiB with ${count}`,
  });
}
