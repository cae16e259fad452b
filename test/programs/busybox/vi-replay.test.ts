// busybox's vi applet against recordings of Debian 12's busybox 1.35 vi (record-vi.py here): the
// scenarios of ../vim/vi-scenarios.json (so the two vis meet the same keys) and the busybox-only
// ones of vi-scenarios.json, replayed through ../screen-replay.ts (keys on a pseudo-terminal, both
// outputs on headless xterm terminals, screens compared at each checkpoint, then the files
// busybox left). KNOWN lists the checkpoints that differ, vi-differences.md says why.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ReplaySpec, readScenarios, replay } from '../screen-replay.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Checkpoints (1-based, in snap order) where cowbox differs from busybox (vi-differences.md says why). */
const KNOWN: Record<string, Record<number, string>> = {
  'counts-goto': {
    5: '^F: busybox moves the top a screen less one row, vim\'s core two rows', 6: 'as 5', 7: '^B as 5', 8: '^D: busybox scrolls and keeps the cursor line; the core moves both',
    9: '^U as 8', 10: 'after 9', 13: 'a jump further than half a screen: busybox centres from where it was scrolled',
  },
  'change-edits': { 5: 'J: busybox leaves the cursor on the joining space, one right of the core', 6: '3J as 5 (the last join)' },
  'insert-arrows': {
    1: 'busybox shows [Modified] only once the insert ends (its status line is redrawn when its checksum changes)', 2: 'as 1', 3: 'as 1',
  },
  undo: { 9: '3J cursor as change-edits 5', 10: 'busybox undoes a join as a chain of deletes and inserts and reports the last link' },
  search: { 2: 'busybox does not redraw the status line after n until something else changes it' },
  'long-lines': { 3: 'busybox keeps the sideways offset on a shorter line with the cursor at the screen\'s left' },
  'bb-set-options': { 4: ':set ic is listed but searches stay case-sensitive here' },
  'bb-insert-keys': { 4: 'busybox 1.35 ignores a count before i; the core repeats the insert', 5: 'R (Replace mode) is not in the core' },
};

/** Scenarios whose files end differently, and why. */
const KNOWN_FILES: Record<string, string> = { 'bb-insert-keys': 'the count before i and R, as its checkpoints 4 and 5' };

const SPEC: ReplaySpec = { fixtures: join(HERE, 'vi-fixtures'), program: 'busybox', exe: '/bin/busybox', argv0: 'vi', known: KNOWN, knownFiles: KNOWN_FILES };
const scenarios = readScenarios(join(HERE, '..', 'vim', 'vi-scenarios.json'), join(HERE, 'vi-scenarios.json'));

describe('busybox vi replays recorded busybox 1.35 vi sessions', () => {
  for (const sc of scenarios) it(sc.name, () => replay(SPEC, sc), 20000);
});

describe('busybox vi --help', () => {
  it('has the recorded synopsis and flags under cowbox\'s 1.36.1 version line', async () => {
    const { usageBlock, VERSION_LINE } = await import('../../../src/programs/busybox/busybox.ts');
    const rec = JSON.parse(readFileSync(join(HERE, 'vi-fixtures', 'help.json'), 'utf8')) as { stderr: string };
    const ours = usageBlock('vi').split('\n');
    const real = rec.stderr.split('\n');
    expect(ours[0]).toBe(VERSION_LINE);
    expect(ours.slice(1, 5)).toEqual(real.slice(1, 5));
    expect(ours.filter((l) => l.startsWith('\t')).map((l) => l.split('\t')[1])).toEqual(real.filter((l) => l.startsWith('\t')).map((l) => l.split('\t')[1]));
  });
});
