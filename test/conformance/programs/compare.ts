// Prints how one recorded case differs from the simulator, line by line:
// `npx tsx test/conformance/programs/compare.ts NAME`.

import { readFileSync } from 'node:fs';
import { runSh } from '../../shell/run-sh.ts';
const name = process.argv[2]!;
const dir = new URL('.', import.meta.url).pathname;
const script = readFileSync(`${dir}/cases/${name}.sh`, 'utf8').replace(/\n+$/, '');
const rec = JSON.parse(readFileSync(`${dir}/recordings/${name}.json`, 'utf8'));
const got = await runSh(script);
for (const k of ['stdout', 'stderr', 'status'] as const) {
  if (String(got[k]) === String(rec[k])) continue;
  const a = String(rec[k]).split('\n'), b = String(got[k]).split('\n');
  console.log(`--- ${k} differs`);
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) console.log(`${i}: real ${JSON.stringify(a[i])}\n${i}: ours ${JSON.stringify(b[i])}`);
}
process.exit(0);
