// A developer's tool: `npx tsx test/shell/try.ts 'script'` runs a script on the simulated
// shell and prints what came out, for comparing with dash by hand.
import { runSh } from './run-sh.ts';

const r = await runSh(process.argv[2] ?? 'echo hi');
process.stdout.write(`--- stdout\n${r.stdout}--- stderr\n${r.stderr}--- status ${r.status}\n`);
