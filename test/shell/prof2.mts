import { runSh } from './run-sh.ts';
const t0 = performance.now();
const r = await runSh('i=0; while [ $i -lt 2000 ]; do t; i=$((i+1)); done; echo $i', { programs: { t: async () => 0 } });
console.log(`${(performance.now() - t0).toFixed(0)}ms`, r.stdout, r.stderr.slice(0, 200));
