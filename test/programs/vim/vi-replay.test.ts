// cowbox's vi against recordings of Debian 12's vim.tiny started as vi (record-vi.py): each
// scenario replayed through ../screen-replay.ts (keys on a pseudo-terminal, both outputs on
// headless xterm terminals, screens compared at each checkpoint, then the files vim left).
// Checkpoints cowbox does not match on purpose are listed in KNOWN with the reason
// (differences.md says more).

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { type ReplaySpec, readScenarios, replay } from '../screen-replay.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

const KNOWN: Record<string, Record<number, string>> = {
  resize: { 3: 'vim keeps the cursor line 11 rows down after shrinking to 15 rows; cowbox scrolls it just into view' },
  undo: { 9: 'vim keeps the undo message after 3J (it redraws instead of scrolling); cowbox clears it as for other line-count changes' },
  'insert-arrows': {
    4: 'vim redraws a line opened at the top row and keeps the message line; cowbox clears it',
    5: 'as checkpoint 4', 6: 'as checkpoint 4',
  },
  'readonly-file': { 4: 'vim shows E212 through a hit-enter prompt that scrolls the screen; cowbox prints it on the message line' },
};

const SPEC: ReplaySpec = { fixtures: join(HERE, 'fixtures'), program: 'vim.tiny', exe: '/bin/vim.tiny', argv0: 'vi', known: KNOWN };
const scenarios = readScenarios(join(HERE, 'vi-scenarios.json'));

describe('vi replays recorded vim.tiny sessions', () => {
  for (const sc of scenarios) it(sc.name, () => replay(SPEC, sc), 20000);
});
