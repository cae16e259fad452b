import { runSh } from './run-sh.ts';
const t0 = performance.now();
const r = await runSh('i=0; s=0; while [ $i -lt 20000 ]; do i=$((i+1)); s=$((s+i%7)); x="a${i}b"; y=${x#a}; done; echo $s $y');
console.log(`${(performance.now() - t0).toFixed(0)}ms`, r.stdout);
