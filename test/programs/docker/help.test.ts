// `docker`, `docker --help`, `docker GROUP --help`, `docker COMMAND --help` and the flag and
// argument errors, replayed against recordings of the real CLI 28.2.2 (fixtures/help.json).
// The front end answers --help and flag errors for every command from the metadata table.

import { describe, expect, it } from 'vitest';
import docker from '../../../src/programs/docker/docker.ts';
import type { Sys } from '../../../src/sys/sys.ts';
import { loadRecording } from './replay.ts';


/** Just enough of Sys for paths that stop before touching the engine's state. */
function fakeSys(argv: string[]): { sys: Sys; out: () => { stdout: string; stderr: string } } {
  let stdout = '';
  let stderr = '';
  const sys = {
    argv,
    envp: ['HOME=/tmp/HOME'],
    getenv: (n: string) => (n === 'HOME' ? '/tmp/HOME' : undefined),
    writeAll: async (fd: number, s: string | Uint8Array) => {
      const t = typeof s === 'string' ? s : new TextDecoder().decode(s);
      if (fd === 1) stdout += t;
      else stderr += t;
    },
  } as unknown as Sys;
  return { sys, out: () => ({ stdout, stderr }) };
}

// The recording ran with a temporary DOCKER_CONFIG; the simulator's is $HOME/.docker.
const normalize = (s: string): string => s.replace(/\/tmp\/tmp[a-z0-9_]+\/cfg/g, '/tmp/HOME/.docker');

const { runs } = loadRecording('help');

describe('docker help and errors', () => {
  for (const run of runs) {
    // the recording machine's client lacks buildx, so its `build --help` adds a deprecation notice
    if (run.args[0] === 'build') continue;
    it(`docker ${run.args.join(' ')}`, async () => {
      const { sys, out } = fakeSys(['docker', ...run.args]);
      const status = await docker(sys);
      const got = out();
      expect({ stdout: got.stdout, stderr: got.stderr, status }).toEqual({ stdout: normalize(run.stdout), stderr: normalize(run.stderr), status: run.status });
    });
  }
});
