// Replays what the real docker CLI 28.2.2 printed for save/load/export/import on its own
// (help, flag errors, operand counts, missing files) and how it prints the daemon's errors for
// an empty engine (fake-engine.py), recorded by
// test/runtime/fixtures/transfer-cli/record.py, against the simulator's docker.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEntry } from '../../../src/programs/registry.ts';
import type { Sys } from '../../../src/sys/sys.ts';
import { run, withSys } from '../layers/helpers.ts';

interface Recorded { args: string[]; tty: boolean; engine?: boolean; stdin?: string; stdout: string; stderr: string; status: number }
const { runs } = JSON.parse(readFileSync(join(__dirname, '../fixtures/transfer-cli/cli.json'), 'utf8')) as { runs: Recorded[] };
const docker = async (sys: Sys) => (await loadEntry('docker'))!(sys);

describe('docker save/load/export/import command lines (recorded)', () => {
  it('prints what docker 28.2.2 prints', async () => {
    await withSys(async (sys) => {
      for (const r of runs.filter((x) => !x.tty)) {
        const got = await run(sys, ['docker', ...r.args], new TextEncoder().encode(r.stdin ?? ''));
        expect({ args: r.args, stdout: new TextDecoder().decode(got.stdout), stderr: got.stderr, status: got.status }).toEqual({ args: r.args, stdout: r.stdout, stderr: r.stderr, status: r.status });
      }
    }, { docker });
  }, 60_000);
});
