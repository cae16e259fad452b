import { it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';
it('smoke', async () => {
  const r = await runSh(process.env.SCRIPT!);
  console.log(JSON.stringify(r, null, 1));
  console.log(r.stdout); console.log(r.stderr);
}, 30000);
