// Replays what the real docker CLI 28.2.2 printed for save/load/export/import on its own
// (help, flag errors, operand counts, missing files) and how it prints the daemon's errors for
// an empty engine (fake-engine.py), recorded by
// test/runtime/fixtures/transfer-cli/record.py, against the simulator's docker.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEntry } from '../../../src/programs/registry.ts';
import type { Sys } from '../../../src/sys/sys.ts';
import { expectSameOutput } from '../../programs/docker/help-facts.ts';
import { run, withSys } from '../layers/helpers.ts';

interface Recorded { args: string[]; tty: boolean; engine?: boolean; stdin?: string; stdout: string; stderr: string; status: number }
const { runs } = JSON.parse(readFileSync(join(__dirname, '../fixtures/transfer-cli/cli.json'), 'utf8')) as { runs: Recorded[] };
const docker = async (sys: Sys) => (await loadEntry('docker'))!(sys);

describe('docker save/load/export/import command lines (recorded)', () => {
  it('prints what docker 28.2.2 prints', async () => {
    await withSys(async (sys) => {
      for (const r of runs.filter((x) => !x.tty)) {
        const got = await run(sys, ['docker', ...r.args], new TextEncoder().encode(r.stdin ?? ''));
        // help pages by their facts (the sentences are ours), everything else byte for byte
        const what = `docker ${r.args.join(' ')}`;
        expect(got.status, what).toBe(r.status);
        expectSameOutput(new TextDecoder().decode(got.stdout), r.stdout, `${what}: stdout`, r.status === 0);
        expectSameOutput(got.stderr, r.stderr, `${what}: stderr`, r.status === 0);
      }
    }, { docker });
  }, 60_000);
});
