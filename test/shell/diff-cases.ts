// A developer's tool: `npx tsx test/shell/diff-cases.ts [NAME...]` replays conformance cases
// and prints each one whose stdout, stderr or status differs from dash's recording.
import { caseNames, loadCase } from '../conformance/shell/replay.ts';
import { runSh } from './run-sh.ts';

const names = process.argv.length > 2 ? process.argv.slice(2) : caseNames();
let failed = 0;
for (const name of names) {
  const { script, recording } = loadCase(name);
  const got = await runSh(script);
  if (got.stdout === recording.stdout && got.stderr === recording.stderr && got.status === recording.status) continue;
  failed++;
  console.log(`=== ${name}`);
  for (const k of ['stdout', 'stderr'] as const) {
    if (got[k] !== recording[k]) console.log(`--- ${k} dash:\n${JSON.stringify(recording[k])}\n--- ${k} ours:\n${JSON.stringify(got[k])}`);
  }
  if (got.status !== recording.status) console.log(`--- status dash ${recording.status} ours ${got.status}`);
}
console.log(`${failed} of ${names.length} differ`);
