// find on the simulated kernel: the walk must cost one getdents per directory and no inode
// look-ups unless a test asks for one, so `find / -name x` grows with the tree and nothing
// else; -exec children run where and with what they should.

import { describe, expect, it } from 'vitest';
import { loadEntry } from '../../src/programs/registry.ts';
import type { Sys } from '../../src/sys/sys.ts';
import { runSh } from '../shell/run-sh.ts';

/** find with its stat and getdents calls counted. */
async function countedFind(script: string): Promise<{ stdout: string; calls: Record<string, number> }> {
  const calls: Record<string, number> = { stat: 0, lstat: 0, getdents: 0 };
  const find = (await loadEntry('find'))!;
  const r = await runSh(script, {
    programs: {
      find: (sys: Sys) => {
        for (const name of ['stat', 'lstat', 'getdents'] as const) {
          const real = sys[name].bind(sys) as (...a: unknown[]) => Promise<unknown>;
          (sys as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => {
            calls[name]!++;
            return real(...a);
          };
        }
        return find(sys);
      },
    },
  });
  return { stdout: r.stdout, calls };
}

const TREE = 'mkdir -p t/a/b t/c; touch t/a/1 t/a/2 t/a/b/3 t/c/4 t/c/5 t/c/6';

describe('find', () => {
  it('walks by name and type without looking at a single inode below the start', async () => {
    const r = await countedFind(`${TREE}; find t -name 3 -type f`);
    expect(r.stdout).toBe('t/a/b/3\n');
    expect(r.calls.getdents).toBe(4);
    // One look at the starting point itself; none for the nine entries under it.
    expect(r.calls.lstat + r.calls.stat).toBe(1);
  });

  it('stats only what a test needs', async () => {
    const r = await countedFind(`${TREE}; echo xyz > t/c/5; find t -name 5 -size 4c`);
    expect(r.stdout).toBe('t/c/5\n');
    expect(r.calls.lstat + r.calls.stat).toBe(2);
  });

  it('runs -execdir in the directory of the file', async () => {
    const r = await runSh(`${TREE}; find t -name 4 -execdir sh -c 'echo "$1"; ls' sh {} \\;`);
    expect(r.stdout).toBe('./4\n4\n5\n6\n');
  });

  it('batches -exec ... {} + into one command', async () => {
    const r = await runSh(`${TREE}; find t/c -type f -exec sh -c 'echo $#' sh {} +`);
    expect(r.stdout).toBe('3\n');
  });

  it('warns about misplaced global options only when asked (-warn) or talking to a terminal', async () => {
    const quiet = await runSh('mkdir d; find d -name d -maxdepth 1');
    expect(quiet.stderr).toBe('');
    const warned = await runSh('mkdir d; find d -warn -name d -maxdepth 1');
    expect(warned.stderr).toContain('you have specified the global option -maxdepth after the argument -name');
  });
});
