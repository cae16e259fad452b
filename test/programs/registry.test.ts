// Every program in the registry describes itself: its module exports `meta`, and `--help`
// prints the help drawn from it with status 0. The docs page (scripts/program-docs.ts) reads
// the same metadata, so --help and the docs cannot drift apart.

import { describe, expect, it } from 'vitest';
import { helpText } from '../../src/programs/lib/help.ts';
import { programModule, programNames } from '../../src/programs/registry.ts';
import { runSh } from '../shell/run-sh.ts';

/** Programs that are not tools with options: the shell, init, and `[` (which has no --help). */
const NOT_TOOLS = new Set(['init', 'sh', 'dash', 'bash', '[', 'true', 'false', 'echo']);

describe('program registry', () => {
  for (const name of programNames().filter((n) => !NOT_TOOLS.has(n))) {
    it(`${name} prints --help from its metadata`, async () => {
      const mod = await programModule(name);
      expect(mod?.meta, `${name} exports no meta`).toBeDefined();
      const got = await runSh(`${name} --help`);
      expect(got.status).toBe(0);
      expect(got.stdout).toBe(helpText(mod!.meta!));
    });
  }
});
