// Benchmark group `userland`: cowbox's sort and grep on a million-line file in the simulated
// filesystem against GNU sort and grep on the same file on this machine, one run each, side by
// side; and find over 100,000 entries against 10,000, which must grow linearly.

import type { BenchContext } from '../lib/group.ts';
import { machine, real, textFile, treePaths, writeHostFile } from '../userland/workloads.ts';

export const description = 'sort and grep on 1,000,000 lines vs GNU; find over 100k vs 10k entries';

const round = (v: number, digits = 3): number => Math.round(v * 10 ** digits) / 10 ** digits;

export async function run(ctx: BenchContext): Promise<void> {
  const text = textFile(1_000_000);
  const host = '/tmp/cowbox-bench-lines.txt';
  writeHostFile(host, text);
  const m = await machine();
  await m.write('/tmp/lines.txt', text);
  ctx.log(`1,000,000 lines, ${text.length} bytes`);

  await m.run('sort /tmp/lines.txt | head -n 1'); // load sort's code once, as GNU's is in the page cache
  const sortOurs = await m.run('sort /tmp/lines.txt | wc -l');
  const sortGnu = real(`sort ${host} | wc -l`);
  const sortCheck = await m.run('sort /tmp/lines.txt | sha256sum');
  const sortGnuCheck = real(`sort ${host} | sha256sum`);
  if (sortCheck.out.split(' ')[0] !== sortGnuCheck.out.split(' ')[0]) throw new Error('sort outputs differ from GNU sort');
  ctx.report({
    name: 'sort_1m_lines_vs_gnu_ratio', value: round(sortOurs.ms / sortGnu.ms), unit: 'x', goal: { op: '<=', value: 5 },
    detail: `cowbox ${round(sortOurs.ms, 0)} ms vs GNU sort ${round(sortGnu.ms, 0)} ms (one run each, same output)`,
  });

  const pattern = 'delta [0-9]*7 echo';
  await m.run(`grep -c '${pattern}' /tmp/lines.txt`);
  const grepOurs = await m.run(`grep '${pattern}' /tmp/lines.txt | wc -l`);
  const grepGnu = real(`grep '${pattern}' ${host} | wc -l`);
  if (grepOurs.out.trim() !== grepGnu.out.trim()) throw new Error(`grep counts differ: ${grepOurs.out} vs ${grepGnu.out}`);
  ctx.report({
    name: 'grep_vs_gnu_ratio', value: round(grepOurs.ms / grepGnu.ms), unit: 'x', goal: { op: '<=', value: 5 },
    detail: `cowbox ${round(grepOurs.ms, 0)} ms vs GNU grep ${round(grepGnu.ms, 0)} ms; ${grepGnu.out.trim()} matching lines`,
  });

  const times: number[] = [];
  for (const [root, n] of [['/small', 10_000], ['/big', 100_000]] as const) {
    const { dirs, files } = treePaths(root, n);
    await m.mkdirs(dirs);
    for (const f of files) await m.write(f, '');
    await m.run(`find ${root} -name x`);
    const r = await m.run(`find ${root} -name x; find ${root} | wc -l`);
    if (r.out.trim() !== String(dirs.length + files.length)) throw new Error(`find saw ${r.out.trim()} of ${dirs.length + files.length}`);
    times.push((await m.run(`find ${root} -name x`)).ms);
  }
  ctx.report({
    name: 'find_100k_ms_ratio', value: round(times[1]! / times[0]!), unit: 'x', goal: { op: '<=', value: 12 },
    detail: `find / -name x: ${round(times[1]!, 0)} ms over 100,000 entries vs ${round(times[0]!, 0)} ms over 10,000`,
  });
}
