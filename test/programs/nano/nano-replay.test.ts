// cowbox's nano against recordings of Debian 12's nano 7.2 (record-nano.py): each scenario,
// at its recorded size, replayed through ../screen-replay.ts (keys on a pseudo-terminal, both
// outputs on headless xterm terminals, screens compared at each checkpoint); at the end the
// directory must hold exactly the files nano left (no lock file, a NAME.save after SIGTERM).
// Checkpoints cowbox does not match on purpose are listed in KNOWN with the reason
// (differences.md says more).

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { type ReplaySpec, readScenarios, replay } from '../screen-replay.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

const KNOWN: Record<string, Record<number, string>> = {
};

const SPEC: ReplaySpec = { fixtures: join(HERE, 'fixtures'), program: 'nano', exe: '/bin/nano', argv0: 'nano', known: KNOWN, exactFiles: true };
const scenarios = readScenarios(join(HERE, 'nano-scenarios.json'));

describe('nano replays recorded nano 7.2 sessions', () => {
  for (const sc of scenarios) it(sc.name, () => replay(SPEC, sc), 20000);
});
